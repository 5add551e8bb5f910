// The smallest Lambda handler there is, bundled like the others: the baseline of the cold-start proxy.
export const handler = async () => ({ statusCode: 200, body: 'ok' });
