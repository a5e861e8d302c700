import { DEV_TOKENS, DEV_USER_IDS } from '../../dev/user-service/index.js';

export type DevUser = keyof typeof DEV_TOKENS;

/** The Authorization header of one of the emulator's seeded users. */
export function bearer(user: DevUser): { authorization: string } {
  return { authorization: `Bearer ${DEV_TOKENS[user]}` };
}

/** The User Service id of a seeded user, as Stacker stores it (a string). */
export function userId(user: DevUser): string {
  return String(DEV_USER_IDS[user]);
}

export { DEV_TOKENS, DEV_USER_IDS };
