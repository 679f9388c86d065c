import type { Language } from './entities';

/** The language of a tablet that has not chosen one; its words are the ones index.html asks for then. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
