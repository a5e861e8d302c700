import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import type { PolicyRule } from './policy-file.js';

/** Instances LISTEN here and reload their enforcer when the policy changes. */
export const POLICY_CHANNEL = 'stacker_policy';

const padded = (values: string[]) => {
  const v = [...values, '', '', '', '', '', ''];
  return { v0: v[0]!, v1: v[1]!, v2: v[2]!, v3: v[3]!, v4: v[4]!, v5: v[5]! };
};

export async function loadPolicyRows(db: Kysely<Database>): Promise<PolicyRule[]> {
  const rows = await db
    .selectFrom('casbin_rule')
    .select(['ptype', 'v0', 'v1', 'v2', 'v3', 'v4', 'v5'])
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const values = [r.v0, r.v1, r.v2, r.v3, r.v4, r.v5];
    while (values.length > 0 && values[values.length - 1] === '') values.pop();
    return { ptype: r.ptype, values };
  });
}

/** A cheap digest of the whole policy: the backstop that catches a change whose NOTIFY was missed. */
export async function policyFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ fp: string | null }>`
    select md5(string_agg(concat_ws(',', ptype, v0, v1, v2, v3, v4, v5), E'\n' order by id)) as fp from casbin_rule
  `.execute(db);
  return rows[0]?.fp ?? 'empty';
}

/** Inserts the rules that are missing (idempotent) and tells every instance. Returns what it added. */
export async function applyPolicyRules(db: Kysely<Database>, rules: PolicyRule[]): Promise<PolicyRule[]> {
  if (rules.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('casbin_rule')
      .values(rules.map((r) => ({ ptype: r.ptype, ...padded(r.values) })))
      .onConflict((oc) => oc.constraint('casbin_rule_unique').doNothing())
      .returning(['ptype', 'v0', 'v1', 'v2', 'v3', 'v4', 'v5'])
      .execute();
    if (inserted.length > 0) await notify(trx, POLICY_CHANNEL, 'changed');
    return inserted.map((r) => ({
      ptype: r.ptype,
      values: [r.v0, r.v1, r.v2, r.v3, r.v4, r.v5].filter(
        (v, i, all) => v !== '' || all.slice(i).some((x) => x !== ''),
      ),
    }));
  });
}

export async function removePolicyRule(db: Kysely<Database>, rule: PolicyRule): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const p = padded(rule.values);
    const result = await trx
      .deleteFrom('casbin_rule')
      .where('ptype', '=', rule.ptype)
      .where('v0', '=', p.v0)
      .where('v1', '=', p.v1)
      .where('v2', '=', p.v2)
      .where('v3', '=', p.v3)
      .where('v4', '=', p.v4)
      .where('v5', '=', p.v5)
      .executeTakeFirst();
    const removed = Number(result.numDeletedRows);
    if (removed > 0) await notify(trx, POLICY_CHANNEL, 'changed');
    return removed;
  });
}
