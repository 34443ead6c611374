import { withoutNegation } from './negation.js';
import { isClaim } from '../text.js';

describe('withoutNegation', () => {
  it('turns a negated claim into its opposite', () => {
    expect(withoutNegation('Scaling the Deployment does not start a rollout.', 'en')).toBe('Scaling the Deployment starts a rollout.');
    expect(withoutNegation('A PersistentVolume is not namespaced.', 'en')).toBe('A PersistentVolume is namespaced.');
    expect(withoutNegation('Deleting a StatefulSet does not delete its PVCs.', 'en')).toBe('Deleting a StatefulSet deletes its PVCs.');
    expect(withoutNegation('扩缩 Deployment 不会触发上线。', 'zh')).toBe('扩缩 Deployment 会触发上线。');
    expect(withoutNegation('Ingress 本身无法转发流量。', 'zh')).toBe('Ingress 本身能够转发流量。');
  });

  it('leaves instructions, conditions and sentences with several negations alone', () => {
    expect(withoutNegation('Do not edit the ReplicaSets that a Deployment owns.', 'en')).toBeNull();
    expect(withoutNegation('A Pod is not rescheduled if its node is not ready.', 'en')).toBeNull();
    expect(withoutNegation('It does not belong to any namespace.', 'en')).toBeNull();
    expect(withoutNegation('The scheduler places each new Pod on a node.', 'en')).toBeNull();
    expect(withoutNegation('不要直接修改 ReplicaSet。', 'zh')).toBeNull();
    expect(withoutNegation('如果节点不能访问，Pod 不会被调度。', 'zh')).toBeNull();
  });
});

describe('isClaim', () => {
  it('tells statements from instructions and purpose fragments', () => {
    expect(isClaim('Scaling the Deployment does not start a rollout.', 'en')).toBe(true);
    expect(isClaim('Scale out the Deployment to take more load.', 'en')).toBe(false);
    expect(isClaim('emptyDir for temporary data shared by the containers of one Pod.', 'en')).toBe(false);
    expect(isClaim('configMap and secret for configuration files and credentials.', 'en')).toBe(false);
    expect(isClaim('回滚到较早的修订版本。', 'zh')).toBe(false);
    expect(isClaim('Deployment 默认使用滚动更新策略。', 'zh')).toBe(true);
  });
});
