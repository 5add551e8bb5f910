import { describe, expect, it } from 'vitest';
import { helpText, startBanner } from '#local/start-text';

describe('npm start', () => {
  it('prints the home page, the outbox, OpenAPI and a token for the agency that files on the seeded data', () => {
    const banner = startBanner('http://127.0.0.1:3005', '/srv/data');
    for (const expected of [
      'http://127.0.0.1:3005/\n',
      'http://127.0.0.1:3005/_local/outbox',
      'http://127.0.0.1:3005/openapi.json',
      'http://127.0.0.1:3005/datasets/nlsc-cadastral-maps',
      'npm run token -- --role agency --agency moi-nlsc',
      '/srv/data',
      'npm start -- --help',
    ]) {
      expect(banner).toContain(expected);
    }
  });

  it('--help lists every option with its default, and the local addresses', () => {
    const help = helpText();
    expect(help).toMatch(/PORT\s+the port to listen on \(default 3000\)/);
    expect(help).toMatch(/DATA_DIR\s+where the data is kept between runs \(default \.local\/\)/);
    expect(help).toMatch(/--fresh\s+deletes the data folder/);
    expect(help).toContain('http://127.0.0.1:3000/_local/outbox');
    expect(help).toContain('http://127.0.0.1:3000/openapi.json');
    expect(help).toContain('http://127.0.0.1:3000/agency');
  });
});
