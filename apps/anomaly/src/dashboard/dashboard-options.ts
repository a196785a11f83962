import { ParameterError, requireInRange, requireInteger, requirePositive } from '@sensorkit/dsp';

/** Health levels drawn on the charts and used by the terminal bar, in units of the health index. */
export interface HealthLevels {
  /** health index at which a machine is in warning (the detector's default is 0.8) */
  warning: number;
  /** health index at which a machine is in alarm (1 = smoothed score at the threshold) */
  alarm: number;
}

/** Options of `startDashboard`. Every limit exists to keep memory bounded on a long-running demo. */
export interface DashboardOptions {
  /** TCP port, 0 = any free port (default 0) */
  port?: number;
  /** interface to listen on (default '127.0.0.1': the dashboard is for this machine only) */
  host?: string;
  /** page title */
  title?: string;
  /** levels drawn on the health charts (default warning 0.8, alarm 1) */
  levels?: HealthLevels;
  /** alerts kept for the log and for new clients (default 200) */
  maxAlerts?: number;
  /** machines the dashboard accepts (default 64) */
  maxMachines?: number;
  /** span of the health-over-time chart in snapshot time, s (default 300) */
  historySeconds?: number;
  /** health points kept per machine within that span (default 1000) */
  historyPoints?: number;
  /** points per spectrum sent to the browser; longer spectra are reduced keeping each bucket's peak (default 1024) */
  maxSpectrumPoints?: number;
}

export interface ResolvedDashboardOptions {
  port: number;
  host: string;
  title: string;
  levels: HealthLevels;
  maxAlerts: number;
  maxMachines: number;
  historySeconds: number;
  historyPoints: number;
  maxSpectrumPoints: number;
}

export const DEFAULT_LEVELS: HealthLevels = Object.freeze({ warning: 0.8, alarm: 1 });

const BLOCK = 'dashboard';

/** Fills in defaults and checks every option, throwing a ParameterError that names the bad one. */
export function resolveDashboardOptions(options: DashboardOptions = {}): ResolvedDashboardOptions {
  const host = options.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host.trim() === '') {
    throw new ParameterError(BLOCK, 'host', host, 'a host name or IP address such as "127.0.0.1"');
  }
  const title = options.title ?? 'sensorkit · machine health';
  if (typeof title !== 'string' || title.length > 200) {
    throw new ParameterError(BLOCK, 'title', title, 'a string of at most 200 characters');
  }
  return {
    port: requireInteger(BLOCK, 'port', options.port ?? 0, 0, 65535, '0 = any free port'),
    host,
    title,
    levels: resolveLevels(options.levels ?? DEFAULT_LEVELS),
    maxAlerts: requireInteger(BLOCK, 'maxAlerts', options.maxAlerts ?? 200, 1, 100_000),
    maxMachines: requireInteger(BLOCK, 'maxMachines', options.maxMachines ?? 64, 1, 1000),
    historySeconds: requirePositive(BLOCK, 'historySeconds', options.historySeconds ?? 300),
    historyPoints: requireInteger(BLOCK, 'historyPoints', options.historyPoints ?? 1000, 2, 100_000),
    maxSpectrumPoints: requireInteger(BLOCK, 'maxSpectrumPoints', options.maxSpectrumPoints ?? 1024, 16, 65_536),
  };
}

/** Checks warning/alarm levels: both positive, warning below alarm. */
export function resolveLevels(levels: HealthLevels): HealthLevels {
  const alarm = requirePositive(BLOCK, 'levels.alarm', levels.alarm);
  const warning = requireInRange(BLOCK, 'levels.warning', levels.warning, 0, alarm, {
    minExclusive: true,
    maxExclusive: true,
    hint: 'below levels.alarm',
  });
  return { warning, alarm };
}
