/**
 * Audio capture that could not start or stopped on its own: no capture tool, a tool that failed (no
 * device, device busy), or a tool that went silent. Carries what the tool said, so a CLI can print it.
 */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
  constructor(
    /** the capture program ("sox", "arecord", or the injected command's file) */
    readonly tool: string,
    message: string,
    readonly detail: { exitCode?: number | null; signal?: string | null; stderr?: readonly string[] } = {},
  ) {
    super(`microphone: ${message}`);
  }
}
