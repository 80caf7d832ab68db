// `minbar user create|set-password|disable|list`: newsroom accounts from the shell, through the same
// accounts service as the admin screens (audited as "cli"). Passwords come from a hidden prompt or
// --password-stdin, never from the command line. Also creates the demo outlet's one account per role.
import { randomBytes } from 'node:crypto';
import { ROLES, InvalidInput, type Role } from '../domain/index.js';
import { CLI_OPERATOR, type AccountsService } from '../services/index.js';

export interface UserCommandDeps {
  readonly accounts: AccountsService;
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
  /** Reads a password: from stdin when asked, otherwise from a prompt that does not echo. */
  readonly readPassword: (prompt: string, fromStdin: boolean) => Promise<string>;
}

const USAGE = `Usage:
  minbar user create --email ADDRESS --name "NAME" --role admin|editor|writer|moderator [--sections 1,2] [--require-2fa] [--password-stdin]
  minbar user set-password --email ADDRESS [--password-stdin]
  minbar user disable --email ADDRESS
  minbar user list`;

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

function explain(e: InvalidInput, error: (line: string) => void): number {
  error(e.message);
  for (const [field, message] of Object.entries(e.fields)) error(`  ${field}: ${message}`);
  return 1;
}

export async function userCommand(args: readonly string[], deps: UserCommandDeps): Promise<number> {
  const [sub, ...rest] = args;
  const { accounts, log, error } = deps;
  const fromStdin = rest.includes('--password-stdin');
  try {
    if (sub === 'list') {
      const users = await accounts.listUsers(CLI_OPERATOR);
      if (users.length === 0) log('No newsroom accounts yet: minbar user create --email … --name … --role admin');
      for (const u of users) {
        const flags = [u.disabled ? 'disabled' : 'active', u.totpEnabled ? '2fa' : null, u.sectionIds.length ? `sections ${u.sectionIds.join(',')}` : null].filter(Boolean);
        log(`${String(u.id).padStart(4)}  ${u.role.padEnd(9)}  ${u.email}  ${u.displayName}  (${flags.join(', ')})`);
      }
      return 0;
    }
    const email = option(rest, 'email');
    if (!sub || !['create', 'set-password', 'disable'].includes(sub) || !email) {
      error(USAGE);
      return 2;
    }
    if (sub === 'create') {
      const role = option(rest, 'role');
      const name = option(rest, 'name');
      if (!role || !(ROLES as readonly string[]).includes(role) || !name) {
        error(USAGE);
        return 2;
      }
      const sections = (option(rest, 'sections') ?? '').split(',').filter(Boolean).map(Number);
      const password = await deps.readPassword('Password (at least 10 characters): ', fromStdin);
      const user = await accounts.createUser(CLI_OPERATOR, {
        email,
        displayName: name,
        role: role as Role,
        password,
        sectionIds: sections,
        totpRequired: rest.includes('--require-2fa'),
      });
      log(`Created ${user.role} account #${user.id} for ${user.email}.`);
      return 0;
    }
    const user = await accounts.findByEmail(CLI_OPERATOR, email);
    if (!user) {
      error(`No account with the e-mail ${email}.`);
      return 1;
    }
    if (sub === 'set-password') {
      const password = await deps.readPassword(`New password for ${user.email}: `, fromStdin);
      await accounts.setPassword(CLI_OPERATOR, user.id, password);
      log(`Password set for ${user.email}; the account's sessions have ended.`);
      return 0;
    }
    await accounts.disableUser(CLI_OPERATOR, user.id);
    log(`Disabled ${user.email}; the account's sessions have ended.`);
    return 0;
  } catch (e) {
    if (e instanceof InvalidInput) return explain(e, error);
    throw e;
  }
}

/** Reads stdin to its end (for --password-stdin), or prompts on the terminal without echoing. */
export async function readPasswordFromTerminal(prompt: string, fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Echo nothing while the password is typed.
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  let prompted = false;
  out._writeToOutput = (s: string) => {
    if (!prompted) {
      process.stdout.write(s);
      prompted = true;
    }
  };
  return new Promise((resolve) =>
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

const DEMO_ACCOUNTS: ReadonlyArray<{ role: Role; email: string; name: string }> = [
  { role: 'admin', email: 'admin@demo.minbar.local', name: 'مديرة الموقع' },
  { role: 'editor', email: 'editor@demo.minbar.local', name: 'محرر الأخبار' },
  { role: 'writer', email: 'writer@demo.minbar.local', name: 'كاتبة الأخبار' },
  { role: 'moderator', email: 'moderator@demo.minbar.local', name: 'مشرف التعليقات' },
];

/** Demo only: one account per role with a generated password, printed once. Skipped if accounts exist. */
export async function seedDemoAccounts(accounts: AccountsService, log: (line: string) => void): Promise<Array<{ role: Role; email: string; password: string }>> {
  if ((await accounts.countUsers()) > 0) return [];
  const created: Array<{ role: Role; email: string; password: string }> = [];
  for (const a of DEMO_ACCOUNTS) {
    const password = randomBytes(12).toString('base64url');
    await accounts.createUser(CLI_OPERATOR, { email: a.email, displayName: a.name, role: a.role, password });
    created.push({ role: a.role, email: a.email, password });
  }
  log('Demo newsroom accounts (demo only — change or disable them before real use), sign in at /newsroom/login:');
  for (const c of created) log(`  ${c.role.padEnd(9)}  ${c.email.padEnd(28)}  ${c.password}`);
  return created;
}
