/**
 * The Node built-ins this package calls, as their CommonJS exports (`Buffer` among them: on Node
 * 20 the global one is a getter of `globalThis`, called on every use). Imported as ES modules,
 * Node builds a namespace of every export of each, which loads parts of Node this package never
 * uses (`node:fs`'s file streams, for one). `process.getBuiltinModule` is in every Node the
 * package supports (20.16 and later).
 */
export const childProcess = process.getBuiltinModule('node:child_process');
export const fs = process.getBuiltinModule('node:fs');
export const tty = process.getBuiltinModule('node:tty');
export const buffer = process.getBuiltinModule('node:buffer');
