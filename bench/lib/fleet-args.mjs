// argv of bench/fleet-scale.mjs: --name=value numbers, and --quick / --json / --no-catalog flags.
const DEFAULTS = {
  http: 500,
  stdio: 50,
  tools: 10,
  width: 1000,
  seconds: 2,
  rounds: 5,
  duration: 20,
  healthInterval: undefined,
  healthJitter: undefined,
  serverProcesses: 1,
};
const FLAGS = ['quick', 'json', 'no-catalog'];

/** Parses `argv` into the options of the fleet benchmark, with defaults; throws on an unknown option. */
export function parseFleetArgs(argv) {
  const args = { ...DEFAULTS, quick: false, json: false, catalog: true };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    const camel = key.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (FLAGS.includes(key) && value === undefined) {
      if (key === 'no-catalog') args.catalog = false;
      else args[key] = true;
    } else if (camel in DEFAULTS && Number.isFinite(Number(value)) && Number(value) >= 0) args[camel] = Number(value);
    else
      throw new Error(
        `fleet: unknown option "${arg}" (known: ${Object.keys(DEFAULTS)
          .map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}=N`)
          .join(' ')} ${FLAGS.map((f) => `--${f}`).join(' ')})`,
      );
  }
  if (args.quick) {
    args.seconds = Math.min(args.seconds, 1);
    args.rounds = Math.min(args.rounds, 3);
    args.duration = Math.min(args.duration, 12);
  }
  // Long runs check at the registry's default interval (30 s); short ones more often, to see several rounds.
  args.healthInterval ??= args.duration >= 120 ? 30_000 : Math.max(1000, Math.round((args.duration * 1000) / 4));
  return args;
}
