import { z } from 'zod';
import {
  reviewSchema,
  templateSchema,
  templateWithVersionSchema,
  versionSchema,
} from '../templates/index.js';

// The admin review's wire shapes (request schemas come from the templates module).

export const queueItemSchema = templateWithVersionSchema.extend({
  /** A submitted template, or an approved one with a submitted version. */
  awaiting_review: z.boolean(),
});

export const reviewDetailSchema = z.object({
  template: templateSchema,
  versions: z.array(versionSchema),
  reviews: z.array(reviewSchema),
});
