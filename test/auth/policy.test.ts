import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePolicyText, readPolicyFile } from '../../src/auth/casbin/policy-file.js';
import { applyPolicyRules, removePolicyRule } from '../../src/auth/casbin/policy-repository.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import { auditPolicy } from '../helpers/policy-audit.js';
import { waitUntil } from '../helpers/wait.js';

const run = promisify(execFile);

describe('policy completeness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('every registered route has a policy line, and anonymous callers reach only public routes', () => {
    const audit = auditPolicy(t.app);
    expect(audit.unguarded).toEqual([]);
    expect(audit.openToAnonymous).toEqual([]);
    expect(t.app.routeList.length).toBeGreaterThan(5);
  });

  it('fails when a route has no policy line', async () => {
    const u = await buildTestApp({
      routes(app) {
        app.get('/test/unguarded', async () => ({ message: 'should never answer' }));
      },
    });
    try {
      expect(auditPolicy(u.app).unguarded).toEqual(['GET /test/unguarded']);
      const anonymous = await u.app.inject({ method: 'GET', url: '/test/unguarded' });
      expect(anonymous.statusCode).toBe(401);
      const user = await u.app.inject({ method: 'GET', url: '/test/unguarded', headers: bearer('vendor') });
      expect(user.statusCode).toBe(403);
      expect(user.json().code).toBe('forbidden');
    } finally {
      await u.close();
    }
  });

  it('asks Casbin about the route pattern, never the concrete path', async () => {
    const u = await buildTestApp({
      policy: ['p, group_anonymous, /test/items/:slug, GET', 'p, group_admin, /test/items/mine, GET'],
      routes(app) {
        app.get('/test/items/:slug', async () => ({ message: 'public item' }));
        app.get('/test/items/mine', async () => ({ message: 'admin only' }));
      },
    });
    try {
      expect((await u.app.inject({ method: 'GET', url: '/test/items/anything' })).statusCode).toBe(200);
      expect((await u.app.inject({ method: 'GET', url: '/test/items/mine' })).statusCode).toBe(401);
      expect(
        (await u.app.inject({ method: 'GET', url: '/test/items/mine', headers: bearer('vendor') }))
          .statusCode,
      ).toBe(403);
      expect(
        (await u.app.inject({ method: 'GET', url: '/test/items/mine', headers: bearer('admin') })).statusCode,
      ).toBe(200);
    } finally {
      await u.close();
    }
  });
});

describe('policy reloads across instances', () => {
  it('a rule applied through one instance is enforced by another sharing the database, on its NOTIFY', async () => {
    const routes = (app: TestApp['app']) => app.get('/test/reload', async () => ({ message: 'allowed now' }));
    const a = await buildTestApp({ routes });
    const b = await buildTestApp({ routes, database: a.database });
    try {
      const call = (t: TestApp) =>
        t.app.inject({ method: 'GET', url: '/test/reload', headers: bearer('vendor') });
      expect((await call(a)).statusCode).toBe(403);
      expect((await call(b)).statusCode).toBe(403);

      const added = await applyPolicyRules(
        a.database.db,
        parsePolicyText('p, group_user, /test/reload, GET'),
      );
      expect(added).toHaveLength(1);
      await waitUntil(async () => (await call(b)).statusCode === 200, {
        // No absolute bound (the machine may be loaded): the reload follows the NOTIFY, not a timer.
        what: 'the other instance to reload the policy',
      });
      // The writer's own instance reloads on the same NOTIFY, in its own time: not first by rule.
      await waitUntil(async () => (await call(a)).statusCode === 200, 'the writing instance to reload');

      // The backstop: a change written without NOTIFY is found by the fingerprint check.
      await a.database.db.deleteFrom('casbin_rule').where('v1', '=', '/test/reload').execute();
      await b.app.accessControl.reloadIfChanged();
      expect((await call(b)).statusCode).toBe(403);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe('npm run acl:setup', () => {
  it('applies the policy file idempotently and prints what it added', async () => {
    const t = await buildTestApp();
    try {
      const rules = await readPolicyFile();
      expect(await applyPolicyRules(t.database.db, rules)).toEqual([]);
      const victim = rules.find((r) => r.ptype === 'p' && r.values[1] === '/api/v1/me');
      expect(victim).toBeDefined();
      expect(await removePolicyRule(t.database.db, victim!)).toBe(1);
      const first = await run('npx', ['tsx', 'src/cli/acl-setup.ts', '--database-url', t.database.url]);
      expect(first.stdout).toContain('added rule: p, group_user, /api/v1/me, GET');
      const second = await run('npx', ['tsx', 'src/cli/acl-setup.ts', '--database-url', t.database.url]);
      expect(second.stdout).toContain('access rules are up to date');
    } finally {
      await t.close();
    }
  });
});
