// Checks an admin-users request body and narrows it to one action.
const ROLES = [
  'admin', 'general_manager', 'dept_manager', 'deputy_manager', 'group_leader', 'salesperson', 'merchandiser',
  'researcher', 'cs_specialist', 'planner', 'legal', 'hr', 'finance', 'archivist',
] as const;

interface PersonFields {
  full_name?: string;
  roles?: string[];
  group_id?: string;
  title?: string;
  position?: string;
  phone?: string;
  manager_id?: string;
}

export type Action =
  | ({ action: 'create'; email: string; password: string; full_name: string } & PersonFields)
  | ({ action: 'update'; user_id: string } & PersonFields)
  | { action: 'deactivate' | 'activate'; user_id: string }
  // Departure handover (HR and the department manager too): see ./handover.ts.
  | { action: 'handover'; leaver_id: string; receiver_id: string; note?: string };

class InvalidRequest extends Error {
  constructor(message: string, readonly code = 'validation_failed') {
    super(message);
  }
}

// The project's password policy (supabase/config.toml: 8+ characters, lower and upper case letters
// and digits). GoTrue's admin API does not apply it, so this function does.
function checkPassword(p: unknown): string {
  if (typeof p !== 'string' || p.length < 8 || p.length > 72 || !/[a-z]/.test(p) || !/[A-Z]/.test(p) || !/[0-9]/.test(p)) {
    throw new InvalidRequest('the password needs 8 to 72 characters with lower and upper case letters and digits', 'weak_password');
  }
  return p;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function optionalString(v: unknown, name: string, max = 200): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || v.length > max) throw new Error(`${name} must be a text of at most ${max} characters`);
  return v.trim();
}

function optionalUuid(v: unknown, name: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !UUID.test(v)) throw new Error(`${name} must be an id`);
  return v;
}

function personFields(b: Record<string, unknown>): PersonFields {
  let roles: string[] | undefined;
  if (b.roles !== undefined) {
    if (!Array.isArray(b.roles) || b.roles.some((r) => !ROLES.includes(r as (typeof ROLES)[number]))) {
      throw new Error(`roles must be a list of: ${ROLES.join(', ')}`);
    }
    roles = [...new Set(b.roles as string[])];
  }
  return {
    full_name: optionalString(b.full_name, 'full_name', 100),
    roles,
    group_id: optionalUuid(b.group_id, 'group_id'),
    title: optionalString(b.title, 'title'),
    position: optionalString(b.position, 'position'),
    phone: optionalString(b.phone, 'phone', 20),
    manager_id: optionalUuid(b.manager_id, 'manager_id'),
  };
}

export function parseAction(body: unknown): Action | { error: string; code: string } {
  try {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('the body must be a JSON object');
    const b = body as Record<string, unknown>;
    switch (b.action) {
      case 'create': {
        const email = optionalString(b.email, 'email');
        if (!email || !EMAIL.test(email)) throw new Error('email must be an email address');
        const password = checkPassword(b.password);
        const fields = personFields(b);
        if (!fields.full_name) throw new Error('full_name is required');
        if (!fields.roles?.length) throw new Error('at least one role is required');
        return { action: 'create', email: email.toLowerCase(), password, ...fields, full_name: fields.full_name };
      }
      case 'update': {
        const user_id = optionalUuid(b.user_id, 'user_id');
        if (!user_id) throw new Error('user_id is required');
        return { action: 'update', user_id, ...personFields(b) };
      }
      case 'deactivate':
      case 'activate': {
        const user_id = optionalUuid(b.user_id, 'user_id');
        if (!user_id) throw new Error('user_id is required');
        return { action: b.action, user_id };
      }
      case 'handover': {
        const leaver_id = optionalUuid(b.leaver_id, 'leaver_id');
        const receiver_id = optionalUuid(b.receiver_id, 'receiver_id');
        if (!leaver_id || !receiver_id) throw new Error('leaver_id and receiver_id are required');
        return { action: 'handover', leaver_id, receiver_id, note: optionalString(b.note, 'note', 2000) };
      }
      default:
        throw new Error('action must be one of: create, update, deactivate, activate, handover');
    }
  } catch (e) {
    return { error: (e as Error).message, code: e instanceof InvalidRequest ? e.code : 'validation_failed' };
  }
}
