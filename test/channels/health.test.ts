import { startTestApp } from '../helpers/app';
import type { App } from '../../index';

describe('health endpoints', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('answers /healthz with 200', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers /readyz with 200 while the database answers', async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
  });

  it('answers /readyz with 503 once the database connection is gone', async () => {
    await app.connection.close();
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'database unavailable' });
  });
});
