/** Thrown for a message the binding's rules forbid or cannot carry; the transport names the server and method. */
export class BindingViolation extends Error {
  override readonly name = 'BindingViolation';
}
