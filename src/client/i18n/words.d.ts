/** A part of a language's words (src/build/first-screen-words.ts). */
declare module 'virtual:words/*' {
  const words: Record<string, unknown>;
  export default words;
}
