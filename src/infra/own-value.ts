/**
 * The value stored under `key` in a lookup table, never one inherited from Object.prototype: a role,
 * plan or status named `constructor` or `__proto__` from outside must be as unknown as any other name,
 * not resolve to a function (which locked such a user out).
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
