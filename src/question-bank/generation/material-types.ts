import type { GlossaryEntry } from '../../documents/analysis/index.js';

/**
 * A glossary term and what the course says it is or does. `predicate` is the part after
 * the term ("负责维护容器的生命周期", "is responsible for …", "notices and responds …");
 * `form` says how a stem can attach it: `verb` phrases follow the subject directly,
 * `noun` phrases need their copula ("是" / "is").
 */
export interface Described {
  entry: GlossaryEntry;
  /** The term as written. */
  surface: string;
  predicate: string;
  /** `sentence`: a whole sentence that describes the term without naming it (quoted in stems). */
  form: 'verb' | 'noun' | 'sentence';
  /** The linking verb the course used for `noun` predicates: 是, 是指, is, means. */
  copula: string;
  /** The sentence (or list item) it came from. */
  sentence: string;
  /** `title`: the section is about this term and its opening sentence describes it. */
  source: 'definition' | 'label' | 'clause' | 'title';
  sectionKey: string;
}

/** Glossary terms listed together ("kubelet、kube-proxy 和容器运行时"). */
export interface TermList {
  sectionKey: string;
  /** The sentence or intro line that carries the list. */
  sentence: string;
  entries: GlossaryEntry[];
  /** False when the list says it is incomplete ("等", "such as"). */
  closed: boolean;
}

/** A marked list whose items are statements ("只能单机使用，无法有效组成集群。"). */
export interface StatementList {
  sectionKey: string;
  /** The sentence that introduces the list ("只在单机上运行容器有以下痛点："). */
  intro: string;
  /** The sentence before the intro, to resolve "它" / "Its" in the intro. */
  context: string;
  items: string[];
  numbered: boolean;
  /** The intro announces steps in order (流程, 过程, 步骤, flows, steps). */
  procedure: boolean;
}

/** A marked list of "label：description" items. */
export interface LabeledList {
  sectionKey: string;
  intro: string;
  pairs: Array<{ label: string; entry: GlossaryEntry | null; description: string; item: string }>;
}

/** A path written with arrows. */
export interface Chain {
  sectionKey: string;
  sentence: string;
  subject: string;
  hops: string[];
}

export interface SectionMaterial {
  sectionKey: string;
  title: string;
  titleEntry: GlossaryEntry | null;
  /** Informative sentences, in order. */
  sentences: string[];
  described: Described[];
  termLists: TermList[];
  statementLists: StatementList[];
  labeledLists: LabeledList[];
  chains: Chain[];
}
