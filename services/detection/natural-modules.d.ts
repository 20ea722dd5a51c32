// Minimal types for the parts of `natural` the detector loads directly. Importing the
// package root loads every module (about a second); these subpaths load in ~0.2 s.
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer' {
  export class RegexpTokenizer {
    constructor(options: { pattern: RegExp; gaps?: boolean });
    tokenize(text: string): string[] | null;
  }
}

declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_es' {
  const PorterStemmerEs: { stem(token: string): string };
  export = PorterStemmerEs;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr' {
  const PorterStemmerFr: { stem(token: string): string };
  export = PorterStemmerFr;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_pt' {
  const PorterStemmerPt: { stem(token: string): string };
  export = PorterStemmerPt;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  interface ApparatusBayes {
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
    addExample(observation: Record<string, number>, label: string): void;
    getClassifications(observation: Record<string, number>): Array<{ label: string; value: number }>;
  }
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    classifier: ApparatusBayes;
  }
  export = BayesClassifier;
}
