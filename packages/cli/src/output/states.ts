import type { Style } from './style.js';

/** A server state, coloured: green when up, yellow when degraded or on its way, red when down. */
export function paintState(state: string, style: Style): string {
  switch (state) {
    case 'connected':
      return style.green(state);
    case 'degraded':
    case 'connecting':
    case 'reconnecting':
    case 'needs-login':
      return style.yellow(state);
    case 'failed':
    case 'disconnected':
      return style.red(state);
    default:
      return style.dim(state);
  }
}

/** A breaker state, coloured. */
export function paintBreaker(state: string, style: Style): string {
  return state === 'closed' ? style.green(state) : state === 'open' ? style.red(state) : style.yellow(state);
}
