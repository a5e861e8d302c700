declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false`: the route resolves no caller identity (health, metrics, docs). Casbin still guards it,
     * as the anonymous subject.
     */
    authenticate?: boolean;
  }
}

export {};
