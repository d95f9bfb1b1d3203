/** One thing wrong with a config: where it is and how to fix it. */
export interface ConfigProblem {
  /** The config file, or undefined for a config given as an object. */
  readonly file: string | undefined;
  /** The server's name, or undefined for a problem with the file as a whole. */
  readonly server: string | undefined;
  /** The field as a path such as `args[1]` or `reconnect.maxAttempts`, or undefined for the whole server or file. */
  readonly field: string | undefined;
  /** What is wrong. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** One line naming where `problem` is, what is wrong and the fix. */
export function formatProblem(problem: ConfigProblem): string {
  const where = [
    problem.file,
    problem.server !== undefined && `server "${problem.server}"`,
    problem.field !== undefined && `field "${problem.field}"`,
  ].filter(Boolean);
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  return `${prefix}${problem.message}; fix: ${problem.fix}`;
}

/** Reports a problem with one field of one server. */
export type Report = (field: string | undefined, message: string, fix: string) => void;

/** Collects the problems of one file, so that all of them are reported at once. */
export class ProblemList {
  readonly problems: ConfigProblem[] = [];

  constructor(readonly file: string | undefined) {}

  /** Adds a problem. */
  add(server: string | undefined, field: string | undefined, message: string, fix: string): void {
    this.problems.push({ file: this.file, server, field, message, fix });
  }

  /** A `Report` for the fields of `server`. */
  reporter(server: string | undefined): Report {
    return (field, message, fix) => this.add(server, field, message, fix);
  }
}
