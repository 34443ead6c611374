// HTTP benchmark of the public certificate routes on a running app. The load generator is
// passed in (bench/lib/http-load.ts in `npm run bench`) so this file stays free of bench wiring.

export interface CertificatesBenchTarget {
  /** Base URL of a running, demo-seeded app. */
  url: string;
  /** Demo account passwords, by role key. */
  password(key: string): string;
  load(url: string, options: { connections: number; durationSeconds: number; headers?: Record<string, string>; method?: string; body?: string }): Promise<{
    requestsPerSecond: number;
    p99Ms: number;
    non2xx: number;
  }>;
}

export interface CertificatesBenchRow {
  suite: 'certificates';
  metric: string;
  value: number;
  unit: string;
}

const DEMO_DOMAIN = 'demo.kubequiz.local';

/**
 * Issues one certificate through the real flow (course, approved questions, exam, attempt),
 * makes it public, then loads: the JSON verification, the HTML page, POST /v1/verify and the PDF.
 */
export async function benchCertificatesHttp(target: CertificatesBenchTarget, options = { connections: 50, durationSeconds: 5 }): Promise<CertificatesBenchRow[]> {
  const { certificateId, jwt } = await issueOne(target);
  const base = `${target.url}/v1/certificates/${certificateId}`;
  const runs: Array<[string, string, { headers?: Record<string, string>; method?: string; body?: string }]> = [
    ['GET verification (JSON)', `${base}/verification`, { headers: { accept: 'application/json' } }],
    ['GET verification (HTML page)', `${base}/verification`, { headers: { accept: 'text/html', 'accept-language': 'zh-CN' } }],
    ['POST /v1/verify', `${target.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/vc+jwt' }, body: jwt }],
    ['GET pdf', `${base}/pdf`, {}],
  ];
  const rows: CertificatesBenchRow[] = [];
  for (const [label, url, request] of runs) {
    const connections = label === 'GET pdf' ? Math.min(10, options.connections) : options.connections;
    const result = await target.load(url, { connections, durationSeconds: options.durationSeconds, ...request });
    if (result.non2xx > 0) throw new Error(`certificates: ${label}: ${result.non2xx} failed responses`);
    rows.push({ suite: 'certificates', metric: `${label} req/s @${connections}`, value: result.requestsPerSecond, unit: 'req/s' });
    rows.push({ suite: 'certificates', metric: `${label} p99 @${connections}`, value: result.p99Ms, unit: 'ms' });
  }
  return rows;
}

async function issueOne(target: CertificatesBenchTarget): Promise<{ certificateId: string; jwt: string }> {
  const call = async (path: string, token: string | null, body?: unknown, method = body === undefined ? 'GET' : 'POST') => {
    const response = await fetch(`${target.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, any>>;
  };
  const login = async (key: string) => (await call('/v1/auth/login', null, { email: `${key}@${DEMO_DOMAIN}`, password: target.password(key) })).accessToken as string;
  const [author, examiner, candidate] = [await login('author'), await login('examiner'), await login('candidate')];
  const candidateId = (await call('/v1/me', candidate)).userId as string;
  const slug = `bench-cert-${Date.now().toString(36)}`;
  const courseId = (await call('/v1/courses', author, { slug, title: { en: slug } })).id as string;
  await call(`/v1/courses/${courseId}/documents`, author, { title: 'EN', language: 'en', text: '# 1 Pods\n\nPods run containers.\n' });
  const ids: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    const question = await call('/v1/questions', author, {
      courseId,
      language: 'en',
      sectionKeys: ['1'],
      difficulty: 'easy',
      content: { type: 'single-choice', stem: `Bench question ${i}?`, options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id}${i}` })) },
      answerKey: { type: 'single-choice', correct: 'a' },
      explanation: 'Bench.',
    });
    ids.push(question.id as string);
  }
  await call('/v1/questions/bulk-approve', author, { ids });
  const exam = await call('/v1/exams', examiner, { courseId, title: 'Bench exam', language: 'en', sections: [{ sectionKey: '1', count: 4 }], passMark: 50, certificateValidityMonths: 24 });
  await call(`/v1/exams/${exam.id}/publish`, examiner, {});
  await call(`/v1/exams/${exam.id}/enrollments`, examiner, { userIds: [candidateId] });
  const attempt = await call(`/v1/exams/${exam.id}/attempts`, candidate, {});
  for (const item of attempt.items as Array<{ position: number }>) {
    await call(`/v1/attempts/${attempt.id}/answers/${item.position}`, candidate, { response: { type: 'single-choice', choice: 'a' }, version: 0 }, 'PUT');
  }
  await call(`/v1/attempts/${attempt.id}/submit`, candidate, {});
  const certificate = await call(`/v1/attempts/${attempt.id}/certificate`, candidate, {});
  await call(`/v1/me/certificates/${certificate.id}`, candidate, { showName: true }, 'PATCH');
  return { certificateId: certificate.id as string, jwt: certificate.jwt as string };
}
