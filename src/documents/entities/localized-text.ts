/** Text in the languages the platform serves; at least one is present. */
export interface LocalizedText {
  zh?: string;
  en?: string;
}
