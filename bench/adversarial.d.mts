export declare const ATOMS: readonly string[];
export declare const PLACES: Readonly<Record<string, (run: string) => string>>;
export declare function adversarialSources(size: number): { name: string; text: string }[];
