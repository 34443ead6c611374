import { GlossaryError, outdatedClaim, parseGlossary } from './glossary.js';
import { loadGlossary } from './load-glossary.js';

describe('outdated claims in the glossary', () => {
  const glossary = loadGlossary();
  const claim = (sentence: string, language: 'en' | 'zh') => outdatedClaim(sentence, language, glossary)?.id ?? null;

  it('recognises the wrong claim, in both languages', () => {
    expect(claim('When a Pod starts, the kubelet calls the CNI plugin to wire up its network.', 'en')).toBe('kubelet-calls-cni');
    expect(claim('创建 Pod 时，kubelet 调用 CNI 插件配置网络。', 'zh')).toBe('kubelet-calls-cni');
    expect(claim('A LoadBalancer Service does not allocate node ports.', 'en')).toBe('loadbalancer-without-node-ports');
    expect(claim('LoadBalancer：借助云厂商的负载均衡器对外暴露服务，不会分配 NodePort', 'zh')).toBe('loadbalancer-without-node-ports');
    expect(claim('StatefulSets cannot be updated in place.', 'en')).toBe('statefulset-no-rolling-update');
    expect(claim('StatefulSet 不支持滚动更新。', 'zh')).toBe('statefulset-no-rolling-update');
    expect(claim('kube-proxy supports userspace, iptables and IPVS modes.', 'en')).toBe('userspace-proxy-mode-supported');
  });

  it('leaves the current statements of the same topics alone', () => {
    expect(claim('The container runtime calls the CNI plugin; the kubelet only asks the runtime for a sandbox.', 'en')).toBeNull();
    expect(claim('A LoadBalancer Service also allocates a node port on every node.', 'en')).toBeNull();
    expect(claim('StatefulSets roll out updates one Pod at a time.', 'en')).toBeNull();
    expect(claim('userspace mode: forwards traffic in user space; slow, and now removed.', 'en')).toBeNull();
    expect(claim('userspace 模式：在用户态转发流量，性能差，已被移除。', 'zh')).toBeNull();
  });

  it('refuses an outdated fact without a note or with a broken pattern', () => {
    const yaml = (pattern: string) => `entries:\n  - { id: pod, kind: object, en: Pod, zh: Pod }\noutdated:\n  - id: x\n    since: '1.0'\n    note: { en: now different, zh: 现在不同 }\n    patterns: { en: ['${pattern}'], zh: ['a'] }\n`;
    expect(parseGlossary(yaml('kubelet')).outdated).toHaveLength(1);
    expect(() => parseGlossary(yaml('(unclosed'))).toThrow(GlossaryError);
    expect(() => parseGlossary('entries:\n  - { id: pod, kind: object, en: Pod, zh: Pod }\noutdated:\n  - { id: y, since: "1.0" }\n')).toThrow(/note\.en is required/);
  });
});
