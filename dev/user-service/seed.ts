// Fixed development identities. They are public on purpose (printed at start, used by tests); the
// emulator binds to loopback only and Stacker refuses it in production.

export const DEV_SERVICE_TOKEN = 'stacker-dev-service-token';
export const DEV_CLIENT = { clientId: 'stacker', clientSecret: 'stacker-dev-secret' } as const;

export const DEV_TOKENS = {
  admin: 'dev-admin-token',
  vendor: 'dev-vendor-token',
  customerFree: 'dev-customer-free-token',
  customerPro: 'dev-customer-pro-token',
} as const;

export const DEV_USER_IDS = { admin: 1, vendor: 2, customerFree: 3, customerPro: 4 } as const;

/** Passwords for `/auth/login` (the agent UI's sign-in), one per dev user. DEVELOPMENT ONLY. */
export const DEV_PASSWORDS = {
  admin: 'dev-admin-password',
  vendor: 'dev-vendor-password',
  customerFree: 'dev-customer-free-password',
  customerPro: 'dev-customer-pro-password',
} as const;

export interface EmulatorOwnedProduct {
  product_id: number;
  product_type: string;
  code: string | null;
  external_id: string;
  name: string | null;
  price: number | null;
  owned_since: string;
}

export interface EmulatorUser {
  _id: number;
  email: string;
  role: string;
  first_name: string;
  last_name: string;
  plan: { name: string; date_end: string | null };
  products: EmulatorOwnedProduct[];
}

export interface EmulatorCategory {
  _id: number;
  name: string;
  title: string;
  priority: number;
}

export interface EmulatorProduct {
  _id: number;
  product_type: string;
  external_id: string;
  code: string | null;
  name: string | null;
  description: string | null;
  price: number | null;
  currency: string | null;
  billing_cycle: string | null;
  is_active: boolean;
  category_code: string | null;
  required_plan_name: string | null;
  vendor_user_id: string | null;
  vendor_name: string | null;
}

export interface EmulatorSeed {
  users: Array<{ token: string; password?: string; user: EmulatorUser }>;
  categories: EmulatorCategory[];
  products: EmulatorProduct[];
  clients: Array<{ clientId: string; clientSecret: string }>;
  /** Static service bearers accepted besides the tokens issued by `/oauth_server/token`. */
  serviceTokens: string[];
}

function user(id: number, login: string, role: string, plan: string, name: [string, string]): EmulatorUser {
  return {
    _id: id,
    email: `${login}@stacker.dev`,
    role,
    first_name: name[0],
    last_name: name[1],
    plan: { name: plan, date_end: null },
    products: [],
  };
}

/** A fresh copy each call, so a test can mutate its emulator without touching another's. */
export function defaultSeed(): EmulatorSeed {
  return {
    users: [
      {
        token: DEV_TOKENS.admin,
        password: DEV_PASSWORDS.admin,
        user: user(DEV_USER_IDS.admin, 'admin', 'group_admin', 'enterprise', ['Ada', 'Admin']),
      },
      {
        token: DEV_TOKENS.vendor,
        password: DEV_PASSWORDS.vendor,
        user: user(DEV_USER_IDS.vendor, 'vendor', 'group_user', 'pro', ['Vera', 'Vendor']),
      },
      {
        token: DEV_TOKENS.customerFree,
        password: DEV_PASSWORDS.customerFree,
        user: user(DEV_USER_IDS.customerFree, 'free', 'group_user', 'free', ['Fred', 'Free']),
      },
      {
        token: DEV_TOKENS.customerPro,
        password: DEV_PASSWORDS.customerPro,
        user: user(DEV_USER_IDS.customerPro, 'pro', 'group_user', 'plan-pro-monthly', ['Paula', 'Paid']),
      },
    ],
    categories: [
      { _id: 1, name: 'web', title: 'Web apps', priority: 1 },
      { _id: 2, name: 'ai', title: 'AI and machine learning', priority: 2 },
      { _id: 3, name: 'databases', title: 'Databases', priority: 3 },
      { _id: 4, name: 'devops', title: 'DevOps tools', priority: 4 },
    ],
    products: [],
    clients: [{ ...DEV_CLIENT }],
    serviceTokens: [DEV_SERVICE_TOKEN],
  };
}

/** The lines printed when the emulator starts, so a developer can call Stacker at once. */
export function devCredentialsBanner(url: string): string[] {
  return [
    `User Service emulator listening on ${url} (DEVELOPMENT ONLY: fixed, public tokens)`,
    `  admin (group_admin, enterprise):   ${DEV_TOKENS.admin}`,
    `  vendor (group_user, pro):          ${DEV_TOKENS.vendor}`,
    `  customer (free):                   ${DEV_TOKENS.customerFree}`,
    `  customer (plan-pro-monthly):       ${DEV_TOKENS.customerPro}`,
    `  passwords (/auth/login):           ${Object.values(DEV_PASSWORDS).join(', ')}`,
    `  service token:                     ${DEV_SERVICE_TOKEN}`,
    `  client credentials:                ${DEV_CLIENT.clientId} / ${DEV_CLIENT.clientSecret}`,
  ];
}
