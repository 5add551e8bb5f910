/**
 * Headers on every response, JSON, PDF and page alike: no content sniffing (a JSON body is never
 * taken for HTML), and HTTPS only from the first visit on (HSTS; browsers ignore it over plain
 * HTTP, as on the local runtime).
 */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
} as const;
