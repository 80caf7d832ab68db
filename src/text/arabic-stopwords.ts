// Function words that carry no topic (في، من، على …), in normalized form: search drops them from a query
// that has other words. Must not know about indexes or ranking; the list is the only knowledge here.
import { normalizeArabic } from './arabic-normalizer.js';

const WORDS = `
في من على الى إلى عن مع ان أن إن او أو ثم لا لم لن ما ماذا هل قد كان كانت يكون تكون هو هي هم هن هما
انا نحن انت انتم هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذان اللتان اللواتي كل بعض غير بين حتى منذ
عند عندما لدى لكن بل اذا إذا كما حيث التى الذى وفي ومن وعلى والى وعن ومع وان وقد ولا ولم وما فيه فيها
منه منها عليه عليها اليه اليها به بها له لها لهم كذلك ايضا أيضا خلال بعد قبل فوق تحت امام أمام
`;

const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(normalizeArabic));

/** Whether a normalized word is a function word (preposition, pronoun, particle …). */
export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}
