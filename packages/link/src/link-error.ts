/** Why a link request failed. */
export type LinkErrorKind = 'timeout' | 'closed' | 'board' | 'protocol';

/**
 * A request the board did not answer (timeout), a port that went away (closed), an ERROR reply from the
 * board (board, with its code), or a reply that breaks the protocol (protocol).
 */
export class LinkError extends Error {
  override readonly name = 'LinkError';
  constructor(
    readonly kind: LinkErrorKind,
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}
