/**
 * Parts of a message that only tell, never ask: a treatment named as the writer's history ("never had acupuncture", "my
 * last acupuncturist did it"), where they think they read of something ("thought I saw it mentioned somewhere"), a
 * medicine told with what it is for ("the tablets for back pain").
 * Why here: these read the patient's words, which is the language layer's job; the several-questions dialog decides what
 * to do with a part that only tells (it answers the parts that ask), and imports them from here.
 * Lower layer: no imports.
 */

/** "Had it at a Chinese medicine place", "got them done at my old gym": where the writer had a treatment, told. */
export const HAD_IT_AT =
  /\b(had|got|tried|did|done|have had|ve had|used to get|used to have) (it|that|them|this|those|these|one|some|cupping|needles|needling|acupuncture|dry needling)( done| once| before)? (at|in|with|from|by) (a|an|the|my|this|that|some|our|his|her)\b/;

/**
 * A treatment named as the writer's history ("never had acupuncture", "my last acupuncturist", "my last place did it along
 * with the acupuncture") or someone's wish ("wife wants dn"), or where they had it (HAD_IT_AT), not as what they ask about.
 */
const HISTORY_OWN =
  /\b(never|not yet|havent|have not|hadnt|had not) (ever )?(had|tried|been to|done|used|seen)\b|\bmy (last|old|previous|former|usual|regular|old school|other) (acupuncturist|physio|physiotherapist|practitioner|therapist|myotherapist|myo|chiro|osteo|naturopath|place|clinic|practice)\b|\b(along with|alongside|together with|as well as|on top of|combined with|go well with|goes well with|work well with|works well with|pair well with|pairs well with) (the |my |some |a bit of )?(acupuncture|dry needling|needling|needles|acu|dn)\b|\b(had|tried|did|done) (some |a bit of )?(acupuncture|dry needling|needling|it) (before|years ago|once|ages ago|last year|as a kid)\b|\bmy (\w+ )?(physio|physiotherapist|gp|doctor|chiro|osteo|myo|myotherapist|massage therapist|acupuncturist|therapist) (already |also |sometimes |often |usually )?(does|do|did|uses|used|offers|gives|gave|has done|has been doing)( me)? (some |a bit of )?(acupuncture|dry needling|needling|it|dn|acu)\b|\b(wants|want|keen|would like|wanting|interested in|thinking of|looking into)( to)? (try |book |get |have |do |booking |getting |having |trying )?(some |a session of |a go at )?(acupuncture|dry needling|needling|dn|acu)\b/;

export const HISTORY_TOLD = new RegExp(`${HISTORY_OWN.source}|${HAD_IT_AT.source}`);

/** "thought I saw it mentioned somewhere", "I read something about it on your page": where the writer read of it, told. */
export const SEEN_TOLD =
  /^(so |and |ok |okay )?((i )?(thought|think|reckon|am pretty sure|m pretty sure|pretty sure|could have sworn|swear) )?(i )?(saw|seen|read|heard|noticed|skimmed) (it|that|this|something|them|cupping|\w+ing|the bit|the part|the section|the article|your article|a bit|the page)( \w+)?( (mentioned|written|listed|somewhere))\b/;

/** A medicine told with what it is for ("the tablets for back pain", "on meds for my arthritis"). */
export const MEDICINE_FOR_COMPLAINT =
  /\b(tablets?|pills?|meds|medication|medications|medicine|medicines|painkillers?|pain killers|anti inflammatories|script|prescription|injections?|cream|patches)( \w+){0,3} for (my |the |his |her |their |a |some )?(\w+ ){0,2}(pain|ache|aches|arthritis|back|knee|neck|shoulder|hip|headaches?|migraines?|sleep|nerves|inflammation)\b/;

/**
 * "askin 4 my mum x", "(asking for a friend)", "just asking for my husband": on whose behalf the question is asked, a
 * sentence that asks nothing of its own (the question is the rest of the message).
 */
export const ON_BEHALF_ONLY =
  /^\(?\s*(?:(?:i'?m|im|i am|just|this is|it's|its|only|am)\s+)*(?:asking|askin|asking this|enquiring|inquiring|askn)\s+(?:for|4|on behalf of)\s+(?:my|me|a|our|his|her)\s+[\p{L}'’]+(?:\s+[\p{L}'’]+)?\s*\)?\s*(?:x+|xo+|lol|haha|thanks|thx|ta|cheers|pls|please)?\s*[.!?)]*\s*$/iu;

/** "tried pills, botox, chiro, everythin", "I've done physio and massage": what was already tried for a complaint, told. */
export const TRIED_FOR_IT =
  /\b(tried|have tried|ve tried|been trying|done|had) (\w+ ){0,2}(pills|tablets|meds|medication|painkillers|botox|physio|chiro|massage|massages|osteo|cortisone|injections|yoga|pilates|stretching|stretches|everything|everythin|the lot|all sorts|heaps)\b/;
