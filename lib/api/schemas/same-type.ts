/**
 * Compile-time proof that a response schema describes the type the code computes: where a
 * report's type is defined elsewhere (lib/view, lib/store), `Holds<Same<z.output<typeof schema>, T>>`
 * stops compiling the moment either one changes without the other — a required field added or
 * dropped, a type changed. Mutual assignability, so an optional field on one side only still passes
 * (the strict identity test rejects the reports' intersection types, which are equal in substance).
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Holds<T extends true> = T;
