// argv: --quick, --json, --scenario=a,b, --client=a,b, --rounds=N, --transport=stdio,http (or all),
// --profile[=dir].
export function parseArgs(argv, { clients, scenarios, transports }) {
  const args = { quick: false, json: false, clients, scenarios, rounds: undefined, transports: ['stdio'], profile: undefined };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'quick' || key === 'json') args[key] = true;
    else if (key === 'client') args.clients = pick(value, clients, 'client');
    else if (key === 'scenario') args.scenarios = pick(value, scenarios, 'scenario');
    else if (key === 'rounds') args.rounds = positive(value);
    else if (key === 'transport') args.transports = value === 'all' ? transports : pick(value, transports, 'transport');
    else if (key === 'profile') args.profile = value || '.tmp/bench-prof';
    else throw new Error(`bench: unknown option "${arg}" (known: --quick --json --scenario= --client= --rounds= --transport= --profile)`);
  }
  return args;
}

function pick(value, known, what) {
  const names = (value ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !known.includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`bench: unknown ${what} "${unknown.join(',') || value}" (known: ${known.join(', ')})`);
  }
  return known.filter((n) => names.includes(n));
}

function positive(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: --rounds needs a positive integer, got "${value}"`);
  return n;
}
