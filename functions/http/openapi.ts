/**
 * The OpenAPI 3.1 document, generated from the route table and the same zod schemas the
 * handlers parse with, so the description cannot drift from what the service accepts.
 */
import * as z from '#domain/zod';
import { methodsOf, routes } from './routes.ts';
import { isWorkspaceAccess } from './types.ts';

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', description: 'SCREAMING_SNAKE rule or error name' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: {
              path: { type: 'string', description: 'Dotted path of the field, e.g. items.0.amountTwd' },
              message: { type: 'string', description: 'What is wrong, in English' },
              rule: { type: 'string', description: 'The business rule that refused it, where one did' },
              label: { $ref: '#/components/schemas/Bilingual', description: 'The field’s name' },
              messages: {
                $ref: '#/components/schemas/Bilingual',
                description: 'What is wrong, in Traditional Chinese and English',
              },
            },
          },
        },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Each property of a query string schema as an OpenAPI query parameter. */
function queryParametersOf(query: z.ZodMiniObject) {
  const schema = z.toJSONSchema(query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParameters = route.query ? queryParametersOf(route.query) : [];
    const success = route.responds ?? { status: route.method === 'POST' ? 201 : 200, description: 'OK' };
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length + queryParameters.length
        ? { parameters: [...parameters, ...queryParameters] }
        : {}),
      security:
        route.access === 'public'
          ? []
          : isWorkspaceAccess(route.access)
            ? [{ session: [] }]
            : [{ bearer: [] }],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          }
        : {}),
      responses: {
        [success.status]: {
          description: success.description,
          content: { [success.contentType ?? 'application/json']: {} },
        },
        ...(route.query && !route.body
          ? { 400: errorResponse('Bad query; details list each parameter') }
          : {}),
        ...(route.body
          ? {
              400: errorResponse('Malformed body; details list each field'),
              413: errorResponse('Body over 256 KB'),
            }
          : {}),
        ...(route.access === 'public'
          ? {}
          : isWorkspaceAccess(route.access)
            ? {
                303: { description: 'Not signed in (a GET): to /sign-in with the page to return to' },
                403: {
                  description: 'A page: a form without its token or from another site, or not your role',
                },
              }
            : { 401: errorResponse('No or invalid token'), 403: errorResponse('Not yours') }),
        ...(parameters.length ? { 404: errorResponse('Unknown id') } : {}),
        ...(route.method !== 'GET'
          ? {
              409: errorResponse('Wrong state or a conflicting write'),
              422: errorResponse('A business rule refuses it; the code names the rule'),
            }
          : {}),
      },
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
    if (methodsOf(route).includes('HEAD'))
      paths[route.path]!.head = {
        ...operation,
        summary: `${route.summary}; HEAD answers the same status and headers without a body`,
      };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Open government data fee review and OGDL licensing',
      version: '0.1.0',
      description:
        'Fee-schedule proposals with public consultation and advisory-group votes, and verifiable license certificates under the Open Government Data License v1.0. Money is whole New Taiwan dollars; times are ISO-8601 UTC.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        // Workspace pages: the session cookie of /sign-in (`session` on the plain-http local runtime).
        session: { type: 'apiKey', in: 'cookie', name: '__Host-session' },
      },
      schemas: {
        Error: errorBody,
        Bilingual: {
          type: 'object',
          required: ['zh', 'en'],
          properties: { zh: { type: 'string' }, en: { type: 'string' } },
        },
      },
    },
    paths,
  };
}
