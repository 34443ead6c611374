import { HostResolver, type ResolvedAddress } from './host-resolver.js';
import { OutboundRefusedError } from './outbound-errors.js';
import { OutboundUrlGuard } from './outbound-url-guard.js';

/** Answers from a script, one answer per lookup, the last one repeating; counts lookups. */
class ScriptedResolver extends HostResolver {
  readonly lookups: string[] = [];
  private readonly script = new Map<string, string[][]>();

  answer(name: string, ...answers: string[][]): this {
    this.script.set(name, answers);
    return this;
  }

  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    this.lookups.push(hostname);
    const answers = this.script.get(hostname);
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }
}

async function refusal(guard: OutboundUrlGuard, url: string): Promise<OutboundRefusedError> {
  const outcome = await guard.check(url).then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof OutboundRefusedError)) throw new Error(`${url} was not refused (${String(outcome)})`);
  return outcome;
}

describe('OutboundUrlGuard', () => {
  const strict = (resolver = new ScriptedResolver()) => new OutboundUrlGuard(resolver, { allowPrivateNetworks: false });

  it.each([
    ['http://[::ffff:127.0.0.1]:8080/', 'loopback'],
    ['http://[::]:8080/', 'unspecified'],
    ['http://[::ffff:a9fe:a9fe]/', 'cloud-metadata'],
    ['http://100.64.0.1/', 'shared-address-space'],
    ['http://127.0.0.1/', 'loopback'],
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://192.168.0.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud-metadata'],
    ['http://169.254.10.10/', 'link-local'],
    ['http://0.0.0.0:8080/', 'unspecified'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://[::127.0.0.1]/', 'loopback'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fc00::1]/', 'unique-local'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'cloud-metadata'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    // The WHATWG URL parser turns decimal, hex, octal and short IPv4 forms into dotted quads.
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0xa9fea9fe/', 'cloud-metadata'],
    ['https://[::ffff:192.168.1.1]:443/', 'private'],
  ])('refuses %s (%s) without asking DNS', async (url, addressClass) => {
    const resolver = new ScriptedResolver();
    const error = await refusal(strict(resolver), url);
    expect(error).toMatchObject({ reason: 'not-public', addressClass });
    expect(error.message).toMatch(/^url points to .*, not to the public internet$/);
    expect(resolver.lookups).toEqual([]);
  });

  it.each(['http://8.8.8.8/', 'https://[2606:4700:4700::1111]/hooks', 'http://[::ffff:8.8.8.8]:8080/'])('allows the public address %s', async (url) => {
    const target = await strict().check(url);
    expect(target.addresses).toEqual([{ address: new URL(url).hostname.replace(/^\[|\]$/g, ''), family: url.includes('[') ? 6 : 4 }]);
  });

  it('resolves a name and hands back every address it checked, keeping the name for Host and SNI', async () => {
    const resolver = new ScriptedResolver().answer('lms.example', ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
    const target = await strict(resolver).check('https://lms.example/hooks?x=1');
    expect(target).toMatchObject({ hostname: 'lms.example', addresses: [{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }] });
    expect(target.url.host).toBe('lms.example');
    expect(resolver.lookups).toEqual(['lms.example']);
  });

  it('refuses a name if any of its addresses is not public, without saying which', async () => {
    const resolver = new ScriptedResolver()
      .answer('loopback.attacker.example', ['127.0.0.1'])
      .answer('mixed.attacker.example', ['93.184.215.14', '10.0.0.7'])
      .answer('metadata.attacker.example', ['::ffff:169.254.169.254']);
    const messages = new Set<string>();
    for (const name of ['loopback.attacker.example', 'mixed.attacker.example', 'metadata.attacker.example', 'unknown.attacker.example']) {
      const error = await refusal(strict(resolver), `http://${name}/`);
      expect(error.reason).toBe('not-public');
      expect(error.message).not.toMatch(/127|10\.0|169|loopback|private|metadata/);
      messages.add(error.message);
    }
    // One message whether a name resolves inside or not at all: no internal DNS oracle.
    expect([...messages]).toEqual(['url host must resolve, and only to public internet addresses']);
  });

  it('refuses localhost names whatever the resolver says', async () => {
    const resolver = new ScriptedResolver().answer('localhost', ['93.184.215.14']).answer('app.localhost', ['93.184.215.14']);
    for (const url of ['http://localhost:3000/', 'http://LOCALHOST./', 'http://app.localhost/']) {
      expect(await refusal(strict(resolver), url)).toMatchObject({ addressClass: 'loopback' });
    }
  });

  it('judges every lookup afresh: a name that rebinds to loopback is refused on the next check', async () => {
    const resolver = new ScriptedResolver().answer('rebind.attacker.example', ['93.184.215.14'], ['127.0.0.1']);
    const guard = strict(resolver);
    await expect(guard.check('http://rebind.attacker.example/')).resolves.toMatchObject({ addresses: [{ address: '93.184.215.14' }] });
    expect(await refusal(guard, 'http://rebind.attacker.example/')).toMatchObject({ address: '127.0.0.1', addressClass: 'loopback' });
  });

  it('gives up on a resolver that does not answer in time', async () => {
    const silent = new (class extends HostResolver {
      resolve(): Promise<ResolvedAddress[]> {
        return new Promise(() => undefined);
      }
    })();
    const guard = new OutboundUrlGuard(silent, { allowPrivateNetworks: false, resolveTimeoutMs: 50 });
    expect(await refusal(guard, 'http://slow.example/')).toMatchObject({ addressClass: 'unresolvable' });
  });

  it.each([
    ['ftp://files.example/x', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['gopher://8.8.8.8:70/_x', 'unsupported-scheme'],
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['http://user:secret@8.8.8.8/', 'credentials-in-url'],
    ['http://user@8.8.8.8/', 'credentials-in-url'],
    ['not a url', 'invalid-url'],
    ['/relative/path', 'invalid-url'],
  ])('refuses %s (%s)', async (url, reason) => {
    expect(await refusal(strict(), url)).toMatchObject({ reason });
  });

  describe('with private networks allowed', () => {
    const resolver = new ScriptedResolver().answer('receiver.internal', ['10.1.2.3']).answer('localhost', ['127.0.0.1', '::1']);
    const open = new OutboundUrlGuard(resolver, { allowPrivateNetworks: true });

    it.each(['http://127.0.0.1:9000/', 'http://[::1]:9000/', 'http://10.0.0.1/', 'http://[fd12::1]/', 'http://receiver.internal/', 'http://localhost:9000/'])('allows %s', async (url) => {
      await expect(open.check(url)).resolves.toBeDefined();
    });

    it.each([
      ['http://169.254.169.254/', 'cloud-metadata'],
      ['http://[::ffff:a9fe:a9fe]/', 'cloud-metadata'],
      ['http://[fd00:ec2::254]/', 'cloud-metadata'],
      ['http://0.0.0.0/', 'unspecified'],
      ['http://[::]/', 'unspecified'],
      ['http://224.0.0.1/', 'multicast'],
      ['http://255.255.255.255/', 'broadcast'],
    ])('still refuses %s (%s)', async (url, addressClass) => {
      expect(await refusal(open, url)).toMatchObject({ addressClass });
    });
  });
});
