import type { FastifyPluginAsync } from 'fastify';

export interface FeatureModule {
  name: string;
  plugin: FastifyPluginAsync;
}

/** Every feature, in registration order. A feature is not done until it is listed here. */
export const featureModules: FeatureModule[] = [];
