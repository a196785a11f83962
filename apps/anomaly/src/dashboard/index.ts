// The live dashboard of the anomaly app: HTTP + Server-Sent Events server, its page, and the terminal view.
export { startDashboard, type Dashboard } from './server.js';
export { DEFAULT_LEVELS, resolveDashboardOptions, type DashboardOptions, type HealthLevels } from './dashboard-options.js';
export { DashboardStore, type DashboardState, type HealthPoint } from './dashboard-store.js';
export { reduceSpectrum } from './spectrum-reduce.js';
export { describeAlert, healthBar, renderTerminalSummary, type TerminalSummaryOptions } from './terminal-summary.js';
