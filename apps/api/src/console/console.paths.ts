/** Where the staff console is served: outside the `api/v1` prefix (see the exclusions in app.factory.ts). */
export const CONSOLE_PATH = 'console';
export const CONSOLE_URL = `/${CONSOLE_PATH}`;
export const CONSOLE_SCRIPT_FILE = 'app.js';
export const CONSOLE_STYLE_FILE = 'app.css';
export const CONSOLE_SCRIPT_URL = `${CONSOLE_URL}/${CONSOLE_SCRIPT_FILE}`;
export const CONSOLE_STYLE_URL = `${CONSOLE_URL}/${CONSOLE_STYLE_FILE}`;
/** The JSON API the page calls (same origin). */
export const CONSOLE_API_BASE = '/api/v1';
