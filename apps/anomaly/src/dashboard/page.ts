import { readFileSync } from 'node:fs';
import type { ResolvedDashboardOptions } from './dashboard-options.js';

/*
 * The page is kept as real HTML, CSS and JavaScript files in static/ (so editors and linters see
 * them as such) and inlined into one self-contained document: the demo machine may have no network,
 * and a Content-Security-Policy of 'none' for anything external then holds by construction.
 */

const STATIC = new URL('./static/', import.meta.url);

/** The settings the browser script reads from the page. */
export interface PageConfig {
  levels: ResolvedDashboardOptions['levels'];
  historySeconds: number;
  historyPoints: number;
  maxAlerts: number;
}

/** Builds the dashboard's single HTML page (inline CSS and script) for these settings. */
export function renderPage(settings: ResolvedDashboardOptions): string {
  const config: PageConfig = {
    levels: settings.levels,
    historySeconds: settings.historySeconds,
    historyPoints: settings.historyPoints,
    maxAlerts: settings.maxAlerts,
  };
  const parts: Record<string, string> = {
    title: escapeHtml(settings.title),
    style: readStatic('dashboard.css'),
    charts: readStatic('charts.js'),
    script: readStatic('dashboard.js'),
    config: jsonForScript(config),
  };
  // A function replacer: the script contains `$` sequences that a replacement string would expand.
  return readStatic('dashboard.html').replace(/\{\{(\w+)\}\}/g, (whole, name: string) => parts[name] ?? whole);
}

/** The Content-Security-Policy the page is served with: nothing may load from anywhere else. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element (no `</script>` or `<!--` can appear in it). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function readStatic(name: string): string {
  return readFileSync(new URL(name, STATIC), 'utf8');
}
