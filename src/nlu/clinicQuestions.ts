/**
 * Two kinds of question recognised by their wording rather than the intent model:
 *  - asking whether the bot is a person ("r u a bot", "real person or robot?", "am I chatting to an AI"), which
 *    the bot must answer truthfully (it is an automated assistant) and with a person to contact;
 *  - which clinic detail a contact question asks about (opening hours, the address, or something the clinic's
 *    details do not hold, such as parking), so that the bot answers that detail or says it does not have it.
 */
import { plainForm } from './normalize';

const MACHINE =
  '(bot|robot|chatbot|chat bot|ai|a i|computer|program|programme|script|software|algorithm|autoreply|auto reply|machine|automated|automatic|real|human|person|actual person|real person|chatgpt|chat gpt|gpt|siri|alexa|gemini|copilot|language model|llm|artificial intelligence)';

const ASKS_IF_BOT = [
  // "do you actually understand what I'm saying?", "can you really understand me": whether anything is listening
  /\b(do|can|does) (you|u|it) (actually |really |even |truly )?(understand|get|read) (what i am saying|what im saying|what i say|what i mean|what i write|me|anything)\b.*\bor\b/,
  new RegExp(`\\b(are|r) (you|u|ya|yous)( just| only| really| actually| even| simply)?( an?)?( actual| real)? ${MACHINE}\\b`),
  // ("Are you the machine answering me?", "are you some kind of computer?": the machine with any article)
  /\b(are|r) (you|u|ya) (just |only |really |actually )?(the|some|some kind of|some sort of|a kind of|like a) (\w+ )?(bot|robot|chatbot|computer|machine|ai|program|programme|automated system|automatic reply|auto reply)\b/,
  new RegExp(`\\b(are|r) (you|u) (a )?(real|actual|live)\\b`),
  // "are you one of the acupuncturists?", "are you the receptionist?": whether a person of the clinic is writing
  /\b(are|r) (you|u) (one of the |one of their |an? |the )(acupuncturists?|practitioners?|physios?|physiotherapists?|receptionists?|nurses?|doctors?|therapists?|myotherapists?|staff( member)?|owner|admin)\b/,
  // Without the verb, as people text it: "u a robot or what", "you a real person?".
  // ("lol ur not a robot r u": the guess put as a denial)
  new RegExp(`^(so |and |hey |oi |wait |lol |haha |omg )?(you|u|ya|youre|ur|you re) (not )?(an? )?(actual |real )?(${MACHINE}|person|human)\\b`),
  new RegExp(`\\b${MACHINE} or (an? )?${MACHINE}\\b`),
  // ("bot?", "real person?", "human or bot": the question in a word or two, as typed into a search box)
  new RegExp(`^(a |an |u |you )?(real |actual |live )?(${MACHINE}|human|person|real person|actual person)( or (an? )?(${MACHINE}|human|person))?$`),
  // ("you are doctor or machine?", "are you a registered physio or just a program?": a person of a trade set against a
  // machine)
  new RegExp(
    `\\b(doctor|dr|nurse|practitioner|physio|acupuncturist|therapist|receptionist|staff|lady|woman|man|bloke|someone|somebody|person|human) or ((to|with|w) )?(just |only |simply |merely )?(an? |the |some )?${MACHINE}\\b|\\b${MACHINE} or (an? )?(doctor|dr|nurse|practitioner|physio|acupuncturist|therapist|receptionist|staff member|lady|woman|man|bloke|someone|somebody)\\b`,
  ),
  // ("am i chatting w a real person rn?": "w" for "with" as people text it; "am i texting a person" without one)
  /\bam i (talking|chatting|speaking|texting|messaging|writing|typing|talkin|chattin|speakin|textin|typin) ((to|with|w|wit|2) )?(an? )?(bot|robot|chatbot|ai|computer|machine|human|person|real|actual|someone real|a real)\b/,
  // ("may I ask whether you are a machine", "you are robot?": the question put as a statement, or in ESL)
  // (the machine word last: "you are a real lifesaver" is praise)
  new RegExp(`\\b(whether|if) (you|u) (are|re|r) (just |only |really |actually )?(an? )?(actual |real )?${MACHINE}( or\\b.*)?$`),
  new RegExp(`^(hello |hi |so |and |sorry |ok )*(you|u) (are|r) (an? )?(actual |real )?${MACHINE}( or\\b.*)?$`),
  // ("or is there a young lady typing at the other end?": a person of any kind at the other end)
  /\bis (there|it) (a |an |some )?(real |actual |live |young |nice )*(lady|woman|man|bloke|guy|girl|fella|person|human|someone|somebody|receptionist) (typing|answering|replying|writing|reading|at the other end|on the other end|behind (this|it))\b/,
  // "am I messaging the actual acupuncturist?", "is a real physio going to see this?": a person of the clinic, asked for by trade
  /\bam i (talking|chatting|speaking|texting|messaging|writing) (to |with )?(the |a |an |one of the |one of your |your )(actual |real |live )?(acupuncturists?|practitioners?|physios?|physiotherapists?|receptionists?|therapists?|myotherapists?|doctors?|staff( member)?|owner)\b/,
  /\b(is|will) (a|an|any|some|the|one of the|one of your|your) (real |actual |live )?(practitioners?|physios?|physiotherapists?|acupuncturists?|therapists?|receptionists?|staff member|staff|doctors?) (going to |gonna |actually |ever )?(read|reading|see|seeing|answer|answering|reply|replying|look at)\b/,
  // "is anyone in at the practice at the moment?": whether a person is there to answer
  /\bis (someone|somebody|anyone|anybody) (in |around |about )?(at|in) (the|your|ur) (clinic|practice|office|reception|front desk)\b/,
  // "Is this a real lady I'm typing to?", "is that an actual bloke answering?": a real person of any kind
  // ("is this a real physio answering or some AI thing?": a person of the clinic's trades, or a machine of any kind)
  /\b(is|its|is it) (this|it|that) (a |an )?(real|actual|live|proper) (physio|physiotherapist|practitioner|acupuncturist|therapist|myotherapist|nurse|doctor|receptionist|staff member)\b/,
  /\bor (just )?(some|an?|one of those|one of them|some kind of|some sort of)? ?(\w+ )?(bot|robot|chatbot|ai|a i|computer|automated|automatic|machine|chatgpt|gpt) (thing|program|programme|tool|service|system|generated|reply|replies|answering|typing)\b/,
  // ("who's on the other end?", "is someone monitoring this chat?")
  /\bwho(s| is| s| are| am i talking to| am i chatting to)( actually| really)? (on|at) the other end\b/,
  /\b(is|are) (someone|somebody|anyone|anybody|a person|a human|staff|people|a real person) (actually |really |even )?(monitoring|watching|checking|reading|looking at) (this|the|these|my) (chat|chats|messages|conversation|conversations|inbox|replies)\b/,
  // ("my husband wants to know if there's a human reading these messages or not")
  /\b(is there|theres|there is|there s) (actually |really |even )?(a |an |any |some )?(real |actual |live )?(human|person|people|someone|somebody|anyone|anybody|staff member|receptionist) (actually |really |even )?((reading|answering|replying to|typing|writing|seeing|checking) (these|this|the|my|our|what i|what we)( \w+)? ?(messages?|chats?|texts?|questions?|replies|answers|type|write|send|ask)|on the other end|at the other end|behind (this|the|these) (chat|screen|messages|replies|answers))\b/,
  /\b(is|its|is it) (this|it|that) (a |an )?(real|actual|live|proper) (lady|woman|man|bloke|guy|girl|fella|person|human|someone|somebody|people)\b/,
  // ("is this the receptionist?", "am i chatting with the front desk?", "is this the clinic or a bot": who is answering,
  // asked as a person or a desk of the clinic)
  /^((hi|hello|hey|sorry|um|so|ok|okay|quick question) )*(is (this|that|it)|am i (talking|chatting|speaking|texting|messaging|writing) (to|with|w)) ((the|a|an|your|ur) )?(clinics? )?(receptionists?|reception|front desk|front counter|front office|admin( team| person| staff)?|office|practice|clinic|acupuncturists?|practitioners?|physios?|therapists?|doctors?|owner|staff( member)?)( (here|there|speaking|answering|typing|replying|directly|itself|or (a |an )?\w+))?$/,
  // ("is this like chatgpt or…": what it is like)
  /\b(is|its) (this|it|that) (like |kinda |kind of |sort of |basically |just )?(a |an )?(actual |real |live )?(bot|robot|chatbot|ai|computer|automated|machine|real person|human|person|live|chatgpt|chat gpt|gpt|siri|alexa|gemini|copilot|claude)\b/,
  /\b(is|are) (a|an|any) (real|actual|live) (person|human|people|humans) (replying|answering|reading|typing|there|here)\b/,
  /\bis (this|there) a (real )?(human|person) (there|here|on the other end)\b/,
  // "is a robot answering me?", "is an actual person replying?"
  new RegExp(
    `\\b(is|are) (a|an|the|some)( actual| real)? ${MACHINE} (answering|replying|responding|talking|typing|writing|chatting|texting|on the other end)\\b`,
  ),
  /\bwho (am i|are we|m i|i am|we are) (actually |really |even |now )?(talking|chatting|speaking|texting|messaging|writing|typing|corresponding|communicating|dealing) (to|with|w|2)\b/,
  // (asked as wanting to know: "I like to know who I am speaking with", "not sure who I'm writing to")
  /\b(know|sure|idea|tell me|wondering|wonder) who (i am|im|i m|we are|were) (actually |really |even |now )?(talking|chatting|speaking|texting|messaging|writing) (to|with)\b/,
  // "you're one of the physios there, right?": the guess, told, that a person of the clinic is writing
  /^(so |and |oh |ah |hi |hey )?(youre|you are|ur|you re) (one of the |one of their |an? |the )(acupuncturists?|practitioners?|physios?|physiotherapists?|receptionists?|nurses?|doctors?|therapists?|myotherapists?|staff( member)?|owner|admin)\b/,
  // "do you remember me from last week?": whether a person, who would, is reading.
  /\b(do|will|can|would) (you|u) (remember|recognise|recognize|know) (me|us|who i am)\b/,
  /\bhave (we|you and i) (spoken|talked|chatted|messaged) before\b/,
  /\b(is|will) (a|any|some) (real |actual )?(person|human|one|body) (going to |gonna )?(read|reading|see|answer|answering|reply|replying)\b/,
  // ("is anyone actually there or"; not "is anyone there on saturdays?", which asks the hours)
  /\bis (someone|somebody|anyone|anybody) (actually |really |even |still )?((there|here)(?! (on|at|in|during|over|after|before|until|till|from|today|tonight|tomorrow|this|next|weekends?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|early|late|lunchtime)\b)|real|reading)\b/,
  // "is someone actually typing these replies?", "who's writing these answers?": whether a person writes them
  /\b(is|are) (someone|somebody|anyone|anybody|a person|a human|people|an? (real|actual|live) (person|human)) (actually |really |even |physically )?(typing|writing|answering|sending|replying)\b/,
  /\bwho (is|s|are) (actually |really )?(typing|writing|sending|answering) (these|this|the|my|your|ur)\b/,
  // "Hello dear, is there someone there?", "do real people still work there or is it all computers now?"
  /\bis there (someone|somebody|anyone|anybody|a person|a human|a real person) (actually |really |even )?(there|here|on the other end|at the other end|reading this|reading these)\b(?! (i|we) can| to| who| that| for)/,
  // ("Is there somebody actually reading what I type?")
  /\bis there (someone|somebody|anyone|anybody|a person|a human|a real person) (actually |really |even )?(reading|seeing|answering) (what|my|the messages|these messages|this|it)\b/,
  /\b(real|actual|live) (people|persons|person|humans?|staff)\b.{0,40}\bor (is it|it is|its|it s|are they|is this) (all |just |only |now )?(computers?|bots?|robots?|ai|automated|machines?|chatbots?)\b/,
  /\b(is|s) it (all|just|only) (computers?|bots?|robots?|ai|automated|machines?|chatbots?) (now|these days|nowadays)\b/,
  // "is there actually a person reading these messages?", "is this message going to a real staff member?"
  /\bis there (actually |really |even )?(a|an|any) (real |actual |live )?(person|human|one|body|staff member|receptionist) (reading|answering|replying|there|here|on the other end|behind|typing)\b/,
  /\b(is|are|will) (this|these|my|the) (message|messages|chat|question|questions|replies) (going|sent|being sent|read|being read|seen|answered|be read|be seen|go) (to|by) (a |an |the |any |some |one of the |one of your )?(real |actual |live |human )?(staff members?|staff|person|human|someone|somebody|receptionists?|practitioners?|people|physios?|physiotherapists?|acupuncturists?|therapists?|myotherapists?|doctors?|nurses?)\b/,
  // ("…read by one of the physios or is it just automatic?": the machine guessed at, after the person)
  /\bor (is it|its|it is|is this|is that|are you) (just |all |only |simply )?(an? )?(automatic|automated|auto|computer|computerised|computerized|bot|robot|chatbot|ai|machine|program|programme)\b/,
  // "is this one of those AI chat things?"
  /\b(is|its) (this|it|that|u|you) (one of )?(those|these|them|the) (\w+ ){0,2}(ai|bot|bots|robot|robots|chatbot|chatbots|automated|computer)\b/,
  // ("Are you one of those AI?", "r u one of them chatbots")
  /\b(are|r) (you|u) (one of )?(those|these|them) (\w+ ){0,2}(ai|ais|bot|bots|robot|robots|chatbot|chatbots|computers?|programs?|programmes?|machines?)\b/,
  /\b(or|is) (it|this) (automatic|automated)\b/,
  // "is this chat automated?", "are the replies from a real person?": the chat named, then the question.
  /\b(is|are) (this|the|these|your|ur) (chat|chats|chat box|chatbox|conversation|service|replies|answers|responses|messages|line|account|assistant|helper|thing|widget) (run by |done by |from |answered by |written by )?(an? )?(automated|automatic|bot|robot|chatbot|ai|computer|computer generated|machine|real|human|person|real person|actual person|live|live person)\b/,
  /\b(what is|whats|wats|what s) (your|ur|yr|ya) name\b/,
  /\b(do|have|did) (you|u|they) (have|got|give you|give u) a name\b/,
  /\bwhat (do|should|can|shall) i call (you|u)\b/,
  // "Did a computer write these answers?", "who built you?", "before I ask anything, you're a bot, right?"
  /\b(did|does|do|is) (a|an|some) (computer|machine|bot|robot|ai|program|chatbot) (write|writes|wrote|make|makes|made|generate|generates|generated|answer|answers|type|types)\b/,
  /\bwho (built|made|created|programmed|designed|wrote|trained|runs) (you|u|this (bot|chat|chatbot|thing|assistant))\b/,
  // "Did you write all that about chi and trigger points yourself?": whether someone wrote it, asked of the bot
  /\b(did|do) (you|u) (write|type|make up|come up with) (all )?(that|this|these|those|it)\b.*\byourself\b/,
  /\b(you re|youre|you are|u r|ur) (just )?(a |an )?(bot|robot|chatbot|ai|computer|program|machine)( then)?,? (right|arent you|aren t you|yeah|eh|hey|correct|yes|isnt it|innit)\b/,
  /^(hi |hello |hey )?who (are you|r u|is this|am i talking to)\b/,
  // "Do you have feelings?", "do you ever get tired of answering questions?": whether something is there to feel it.
  /\b(do|can|does) (you|u|it) (actually |really |even |ever )?(have|got|get|feel|experience) (feelings|emotions|a life|a body|friends|a heart|a brain|a personality|(bored|lonely|tired|fed up|sick|annoyed)( of (answering|talking|chatting|questions|people|us|me)| answering|\s*\??$))/,
  /\b(are|r) (you|u) (alive|conscious|sentient|self aware|(ever )?(happy|sad|lonely|bored|tired))\s*\??$/,
  /^(and |so |but )?(do|does) (you|u) (ever )?(sleep|dream|eat|rest|take a break|go home|get paid)\s*\??$/,
  // "do you like your job?", "do you enjoy talking to people all day?": whether anything is there to enjoy it.
  /^(and |so |but )?(do|does) (you|u) (actually |really |even )?(like|enjoy|love|hate|mind) (your|ur) (job|work)\b|^(and |so |but )?(do|does) (you|u) (actually |really |even )?(like|enjoy|love|hate|mind) (chatting|talking|answering|helping|doing this)\b/,
];

/** "Which one is older?", "which came first?", "older or newer than…": the two treatments compared by age, which the article gives. */
// ("how old are they?", "what's the history of each one?", "is either one a recent invention?": both ages asked)
const WHICH_OLDER =
  /\b(been around|existed|around) (as long as|longer than|for as long as)\b|\bwhen (were|did) (they|both|the two|both of them|these|those|each|each one) (first |originally )?(start|started|begin|began|come about|come along|originate|invented|developed|created|appear|appeared)\b|\b(is|was) (dry needling|acupuncture|it|that) (as old as)\b|\bhow old are (they|both|the two|these|those|them|each|each one|both of them)\b|\b(history|age|ages|origins?) of (each|each one|both|the two|them|either|both of them)\b|\b(is|was) (either|any) (one |of them |of the two )?(a )?(recent|new|newer|modern) (invention|thing|one|practice|treatment|idea)\b|\b(which|what)(( one| 1| of them| treatment| of the two)? (is|was|came|come|has been|s)| ones) (the )?(older|the oldest|newer|the newest|oldest|newest|more old|most old|more new|more recent|most recent|first|around longer|invented first|developed first|more traditional|more modern|been around (longer|the longest|more)|around the longest)\b|\b(older|newer) or (newer|older|younger) than\b|\b(is|was) (dry needling|acupuncture|it) (older|newer|younger|more recent) than\b|\b(is|was) (dry needling|acupuncture|dn|acu|it|that|that one|this one) (much |a lot |way |far |heaps |really |actually )?(older|newer|younger|more recent)\s*\??$/;

/** "Which decade did dry needling appear in?", "what year was it invented": when, asked of one treatment or of both. */
// ("is acupuncture a modern treatment?", "how old is dry needling?": one treatment's age, asked)
// ("whens dn from", "when does dry needling date from": when it began)
const WHICH_DECADE =
  /\b(which|what) (decade|year|era|century) (did|was|were|is)\b|\b(is|was) (acupuncture|dry needling|dn|acu|it|that|this) (a |an )?(really |very |fairly |quite |pretty )?(modern|new|newer|recent|old|older|ancient|young|traditional) ?(treatment|thing|practice|invention|idea|technique|therapy|one|method)? (or|and|vs|versus) (a |an |is it |more |something |quite |fairly |pretty |really |very )*(modern|new|newer|recent|old|older|ancient|young|traditional|around (for )?(a while|ages|long))\b|\b(is|was) (acupuncture|dry needling|dn|acu) (a |an )?(really |very |fairly |quite |pretty )?(modern|new|newer|recent|old|ancient|young) ?(treatment|thing|practice|invention|idea|technique|therapy|one)?\b|\b(is|was) (it|that|this) (a |an )(really |very |fairly |quite |pretty )?(modern|new|newer|recent|old|ancient|young) (treatment|thing|practice|invention|idea|technique|therapy|method)\b|\bhow old is (acupuncture|dry needling|dn|acu|it|that|this|that one|this one)\b|\bwhen (did|was) (it|acupuncture|dry needling|dn|acu|that) (first |originally |actually )?(start|started|begin|began|come about|come along|originate|first used|invented|developed|created|first developed)\b|\bwho (came up with|invented|developed|created|founded|discovered|thought up|dreamt up|dreamed up|first used) (it|acupuncture|dry needling|dn|acu|that|this|needling)\b|\bwhens?( is| was| does| did)? (it|acupuncture|dry needling|dn|acu|that|this) (date |dates |originally |come |first )?from\b/;

/** "would the needles near the scar hurt much?", "does it hurt when the needle goes in?": how the treatment feels, which the article does not say. */
const FEELS_ASKED =
  /\b((would|will|does|do|is|are) (the |your |a )?(needles?|needling|acupuncture|dry needling|treatment|session)|(would|will|does|is) (it|they|that|this)) (\w+ ){0,3}(hurt|be painful|painful|sting)\b/;

/** "what does dry needling feel like when it goes in, like a pinch or a sting", "is it like a bee sting": the feeling itself asked. */
const FEELS_LIKE_ASKED =
  /\bwhat (does|do|will|would) (it|they|the needles?|needles|the needling|needling|acupuncture|dry needling|dn|acu|a session|the session|the treatment) (actually |really |even )?feel like\b|\b(is it|does it feel|do they feel|will it feel|would it feel) (like |more like )?(a |an )?(pinch|sting|prick|scratch|ant bite|bee sting|mosquito bite|jab|zap|shock|pin prick)\b/;

export function asksHowItFeels(text: string): boolean {
  return FEELS_ASKED.test(plainForm(text));
}

/** The feeling of a session asked in so many words ("what does it feel like…"): a longer message may ask it too. */
export function asksWhatItFeelsLike(text: string): boolean {
  return FEELS_LIKE_ASKED.test(plainForm(text));
}

/**
 * "a debate about where acupuncture originally comes from… which is it?", "what country did dry needling come from",
 * "the origins of acupuncture": where one treatment comes from, which the article tells with its age ("an ancient
 * Chinese medicine practice", "developed in the 1980s… grounded in Western medicine principles").
 */
const WHERE_FROM =
  /\bwhere (does |did |do )?(dry needling|dn|acupuncture|acu) (originally |actually |first |really )?(comes? from|originated?|originally comes? from|started|began|was invented|was developed)\b|\bwhere (does|did) (dry needling|dn|acupuncture|acu) (originally |actually |first |really )?(come from|originate|start|begin)\b|\b(which|what) (country|part of the world|culture|place) (is |does |did |was )?(dry needling|dn|acupuncture|acu) (originally |actually |first )?(from|come from|originate|invented in|developed in|start in)\b|\borigins? of (dry needling|dn|acupuncture|acu)\b|\b(dry needling|dn|acupuncture|acu) s origins?\b/;

export function asksWhichDecade(text: string): boolean {
  const form = plainForm(text);
  return WHICH_DECADE.test(form) || WHERE_FROM.test(form);
}

/**
 * ("can both be used for things like muscle and joint pain?": whether both are used for a kind of problem)
 * "which one is for muscles and which for inside the body?", "one for pain and the other for wellbeing?", "what's each
 * of them mainly aimed at?", "what does each treatment focus on?": what each is for ("the Chinese needles are more for problems on the inside and the other kind is for muscles").
 */
const WHAT_EACH_IS_FOR =
  /\bwhich( one| of them| of the two| treatment)?( is| s| would be)?( more| better| best| mainly| mostly)? (for|suited (to|for)|geared (to|towards)|aimed at|good for) .{1,40}\b(and|or|while|whereas) which( one)?( is| s)?( more| better| mainly| mostly)? ?(for|suited|geared|aimed|good for)?\b|\bone( of them)?( is)?( better| more| mainly| mostly)? (for|suited to|geared to|aimed at) .{1,40}\b(and|while|whereas) the other\b|\bwhat ?(is|s|are) (each|both|the two|they)( one| treatment| of them| of the two)? ?(more |mainly |mostly |best |better |each |usually |generally |really |actually )?(for|geared towards|geared to|suited to|suited for|aimed at|good for|used for|focused on|targeting|targeted at|designed for)\b|\bwhat ?(is|s) each( one| of them| treatment)? (better|best|more|most) (suited|geared|aimed|used|for|at)\b|\bwhat (does|do) (each|they each|each one|each of them|each treatment|the two each)( one| treatment| of them)? ?(mainly |mostly |usually |really |actually )?(focus on|target|treat|aim at|aim for|work on|specialise in|specialize in|do best|go after)\b|\bwhat ?(is|s|are) (each|both|the two)( one| treatment| of them| of the two)? (trying|meant|supposed|designed|there|out) to (fix|treat|help|do|sort out|solve|target|address)\b|\b(can|could|are|do|would|will) (both|they both|both of them|the two|the two of them|(acupuncture|acu) and (dry needling|dn)|(dry needling|dn) and (acupuncture|acu)) (both )?(be )?(used|work|help|treat|good|suitable) (for|with) .{0,30}\b(the same|similar|things like|stuff like|kinds? of|sorts? of|types? of|muscles?|joints?|musculoskeletal|aches|pains?|injuries|problems|conditions)\b|\b(is|s) (dry needling|dn|acupuncture|acu) (more|mainly|mostly|better|really|just|only)? ?(for|about|aimed at|geared to|geared towards|suited to) .{1,40}\b(and|while|whereas|but|with) (acupuncture|acu|dry needling|dn) (is |s )?(more|mainly|mostly|better|really|just|only)? ?(for|about|aimed at|geared to|geared towards|suited to)\b|\b(is|are|s|re) (more|mainly|mostly|better|really|just|only)? ?(for|about|aimed at|geared to|geared towards|suited to) .{1,40}\b(and|while|whereas|but) the other( one| kind| type| sort| treatment| ones)? (is |s |are )?(more |mainly |mostly |better |really |just |only )?(for|about|aimed at|geared to|geared towards|suited to)\b/;

/** "which one's for the inside stuff then?", "which of the two is more for muscles?": which treatment a kind of problem points to. */
const WHICH_IS_FOR =
  /\bwhich( one| ones| 1| treatment| of the two| of them| of those| of these)?( is| s| would be| are)?( more| better| best| mainly| mostly| the one)? ?(for|suited (to|for)|geared (to|towards)|aimed at|good for|helps with|deals with|works on|targets)\b/;

export function asksWhichIsFor(text: string): boolean {
  return WHICH_IS_FOR.test(plainForm(text));
}

/**
 * "and the one for muscles, how does that work?", "the internal one, is it Chinese?": a treatment pointed to by what it is
 * more for (the article: dry needling for muscles and posture, acupuncture for internal ailments), with the words that
 * point to it.
 */
const THE_ONE_FOR: Array<[RegExp, 'dry needling' | 'acupuncture']> = [
  [
    /\bthe (one|1|treatment|type|kind)( that s| that is| thats)? (for|aimed at|geared to|good for) (the )?(muscles?|muscular (stuff|problems|things)|muscle (stuff|problems|things)|posture)\b|\bthe (muscle|muscles|muscular|posture) (one|1|treatment)\b/,
    'dry needling',
  ],
  [
    /\bthe (one|1|treatment|type|kind)( that s| that is| thats)? (for|aimed at|geared to|good for) (the )?(internal|inside|insides|organs)( stuff| problems| things| ailments)?\b|\bthe (internal|inside) (one|1|treatment)\b/,
    'acupuncture',
  ],
];

/** The message with "the one for muscles" put as the treatment it points to, or undefined when it points to none. */
export function namingTheOneFor(text: string): string | undefined {
  const form = plainForm(text);
  // ("which is the one for muscles?" asks which, it does not point)
  if (/^(so |and )?which\b/.test(form)) return undefined;
  for (const [pattern, treatment] of THE_ONE_FOR) if (pattern.test(form)) return form.replace(pattern, treatment);
  return undefined;
}

/** What each treatment is for, asked of both at once. */
export function asksWhatEachIsFor(text: string): boolean {
  return WHAT_EACH_IS_FOR.test(plainForm(text));
}

export function asksWhichIsOlder(text: string): boolean {
  return WHICH_OLDER.test(plainForm(text));
}

/** "which one is more scientific?", "which has more research behind it": origins (Chinese, Western) and the research line. */
const WHICH_SCIENCE =
  /\b(which|what)(( one| 1| of them| treatment| of the two)? (is|s|has|have|got)| ones) (more |most |the most |got more |more of an? )?(scientific|science based|science backed|evidence based|evidence|research|researched|proven|science|western|medical|legit|backed by (science|research|evidence)|eastern|chinese|oriental|traditional)\b|\bwhich( one| 1| of them| of the two)? (is|s) the (western|eastern|chinese|oriental|traditional|scientific|modern|ancient) (one|1|kind|treatment)\b|\bwhich( one| 1| of them| of the two)? (comes|came) from (the )?(east|china|asia|west)\b/;

/**
 * The two told apart by where they come from, both sides named ("which one is the eastern one and which is the western
 * one", "So one is Eastern and one is Western? Explain that to me."): each one's origin, whatever else the sentence asks.
 */
// ("western vs chinese needles theory": set against each other, typed as into a search box)
const TELLS_APART = /\b(which|one|ones|explain|background|right|vs|versus|theory|theories|compared|difference)\b/;
/** A treatment named in words ("acupuncture", "dn", "the needles"), not only implied by a complaint's list or a concept. */
export const TREATMENT_WORD = /\b(acupuncture|acupunture|accupuncture|acu|dry needling|dry needle|needling|the needles|dn)\b/i;
const EAST = /\b(eastern|east|chinese|china|oriental|asian|asia)\b/;
const WEST = /\b(western|west)\b/;

export function asksEastAndWest(text: string): boolean {
  const form = plainForm(text);
  return EAST.test(form) && WEST.test(form) && TELLS_APART.test(form) && !TREATMENT_WORD.test(form) && !ONE_SIDE_SET_ASIDE.test(form);
}

/** "what's it based on instead of the Chinese stuff?": one side set aside, the other asked about. */
const ONE_SIDE_SET_ASIDE =
  /\b(instead of|rather than|unlike|as opposed to|apart from|other than) (the |that |all the |all that )?(eastern|east|chinese|china|oriental|asian|western|west)\b/;

/** "is dry needling an eastern thing too, like acupuncture?", "is acupuncture Western as well?": one treatment's origin, asked. */
const ONES_ORIGIN =
  /^(so |and |but |ok |hi |hey )?(is|was|does) (dry needling|dn|acupuncture|acu) (also |too |as well |originally |actually |really )?(an? |part of |from |come from |based (on|in) |grounded in |rooted in )?(the )?(eastern|chinese|oriental|asian|western|china|asia|east|west)\b/;

/** The treatment whose origin one question asks ("is dry needling Chinese too?"), if it asks that. */
export function originAskedOf(text: string): 'acupuncture' | 'dryNeedling' | undefined {
  const form = plainForm(text);
  // ("Is acupuncture Eastern and dry needling Western?": both told apart, not one asked)
  if (EAST.test(form) && WEST.test(form)) return undefined;
  const m = ONES_ORIGIN.exec(form);
  if (m) return /^(acupuncture|acu)$/.test(m[3]) ? 'acupuncture' : 'dryNeedling';
  // ("My physio offered me dry needling. I assume it is also from the Eastern medicine tradition, is that correct?": the
  // one treatment the message names, its origin assumed and asked)
  // (only a treatment named before "it": in "is it Chinese like acupuncture then?" "it" is the one talked about before)
  const asked = ITS_ORIGIN_ASKED.exec(form) ?? COMES_FROM_ASKED.exec(form);
  if (!asked) return undefined;
  const before = form.slice(0, asked.index);
  const acupuncture = /\b(acupuncture|acu)\b/.test(before);
  const dryNeedling = /\b(dry needling|dn)\b/.test(before);
  return acupuncture === dryNeedling ? undefined : acupuncture ? 'acupuncture' : 'dryNeedling';
}
/** "does it really come from China originally?": where "it" (the one named before, or talked about) comes from, asked. */
const COMES_FROM_ASKED =
  /\b(does|did|do) (it|that|this|acupuncture|acu|dry needling|dn|they) (really |actually |originally |first |all )?(come|originate|hail|stem|derive) (from|out of) (china|asia|the east|the orient|chinese medicine|eastern medicine|the west|western medicine|japan|korea)\b/;
/** Whether the origin of "it" is asked with no treatment named ("does it really come from China?"): the one talked about. */
export function originAskedOfIt(text: string): boolean {
  const form = plainForm(text);
  return COMES_FROM_ASKED.test(form) && !/\b(acupuncture|acu|dry needling|dn)\b/.test(form);
}
const ITS_ORIGIN_ASKED =
  /\b(it|that|this|its|thats)( is| was)? (also |too |probably |surely |originally |actually |really )?(an? |part of |from |based on |rooted in |grounded in )(the )?(eastern|chinese|oriental|asian|western)( medicine)?( tradition| practice| thing| method| system)?\b.*\b(is that (correct|right|true)|right|correct|true|yes|isnt it|is it)\b|\b(is|was) (it|that|this) (also |too |originally |actually |really )?(an? |part of |from |based on |rooted in |grounded in )?(the )?(eastern|chinese|oriental|asian|western|china|asia|the east|the west)\b/;

/** Questions about the needles themselves: how thin or thick, which has finer ones, like those for a blood test or a jab. */
const NEEDLES_ASKED =
  /\b(which|what)( one| of them| of the two| treatment)? (uses?|has|have|got|needs?) (the )?(thinner|thicker|finer|smaller|bigger|larger|thin|thick|fine)( needles?)?\b|\bhow (thick|thin|fine|big|wide) are (the |your |those |these |they |the acupuncture |the dry needling )?(needles?|pins?|ones)?\b|\b(needles?|ones|they|pins)\b.{0,30}\b(like|same (\w+ )?as|similar to|compared to|thinner than|thicker than|as thick as|bigger than) .{0,30}\b(blood tests?|blood test ones|injections?|jabs?|vaccines?|vaccinations?|flu shots?|shots|syringes?|drips?|blood donations?|needles? for blood)\b/;

export function asksAboutTheNeedles(text: string): boolean {
  return NEEDLES_ASKED.test(plainForm(text));
}

export function asksWhichIsScientific(text: string): boolean {
  return WHICH_SCIENCE.test(plainForm(text));
}

/** A farewell ("bye", "see ya", "that's all, thanks"): said goodbye to, not thanked. */
// ("haha fair enough, bye then": acknowledgements before it)
const FAREWELL =
  /^((ok|okay|k|kk|alright|thanks|thank you|thx|cheers|ta|haha|hahaha|lol|fair enough|right|righto|no worries|all good|sure|oh well|ah well|never mind|nevermind|cool|great|perfect|sweet|ah|oh) )*(bye|bye bye|goodbye|good bye|see ya|see you|cya|gn|later|catch you later|have a good (day|one|night|weekend)|thats all|that is all|night|good night|goodnight|gnight|nite|night night|nighty night|nite nite|hooroo|hooroo then|cheerio|ta ta|tata|toodles|toodle oo|toodle pip|adios|ciao for now|gotta (go|run|dash|fly|split)|got to (go|run|dash)|must (go|run|dash)|(i am|im) off)\b/;

/** Season's greetings ("Merry Christmas to the whole team!"): wished back, never a farewell to worry about. */
const FESTIVE =
  'merry (christmas|xmas)|happy (christmas|xmas|new year|holidays|easter|hanukkah|diwali|eid|lunar new year|chinese new year)|seasons greetings|compliments of the season';

/**
 * A farewell that wishes the reader a good day or says when they will talk again ("bye, have a lovely day", "see you
 * Thursday"): someone who means to be back. Not "have a nice life", a farewell of another kind.
 */
const WELL_WISHING = new RegExp(
  `\\b(have a (good|great|nice|lovely|wonderful|beautiful|fab|fabulous|fantastic|blessed|top|good rest of (the|your)) (day|one|night|evening|weekend|week|afternoon|morning|arvo)|(see|talk to|speak to|catch) (you|ya|u) (soon|later|then|next|tomorrow|at|on|thursday|friday|monday|tuesday|wednesday|saturday|sunday)|talk (soon|later)|until next time|till next time|happy (friday|weekend)|${FESTIVE})\\b`,
);

const SEE_YOU = /\b(see|catch|talk to|speak to) (you|ya|u|yous)\b/;

const SEASONS_GREETINGS = new RegExp(`\\b(${FESTIVE})\\b`);

export function wishesWell(text: string): boolean {
  return WELL_WISHING.test(plainForm(text));
}

/**
 * The patient says the bot's answer did not help ("that didn't help at all", "you're not very helpful", "this isn't
 * answering my question", "not what I asked"): about the answer, never about how they feel ("nothing helps anymore").
 */
const BOT_COMPLAINT = [
  /^(?:(?:hmm+|um+|erm+|ok|okay|well|sorry|but|no|nah|ugh|meh|honestly|so)\s+)*(?:that|thats|this|you|youre|your (?:answer|reply|response|answers)|the (?:bot|answer|reply))(?: (?:really|just|still|honestly|actually))? (?:is not|isnt|was not|wasnt|did not|didnt|does not|doesnt|are not|arent|do not|dont|not|re not|s not)(?: (?:very|really|much|at all|quite|even|exactly|of any))? (?:help|helpful|helping|useful|use|answer|answering|answered|make sense|making sense|what i (?:asked|meant|wanted))\b/,
  /^(?:(?:hmm+|ok|okay|well|ugh|meh|wow)\s+)*(?:that|this|you|youre|youve|you have|ur|u r|this bot|that answer)(?: (?:are|is|re|s|was|been|have been|ve been))? (?:so |really |pretty |completely |totally |absolutely )?(?:useless|unhelpful|hopeless|rubbish|no help|no use|not helpful|not much help|not very helpful)\b/,
  /^(?:(?:no|nah|um|hmm)\s+)*(?:that|thats|that is|this is)? ?not what i (?:asked|meant|wanted|was asking)\b/,
  // ("you are a bad bot", "pretty dumb robot", "what a useless chatbot"): the bot itself found wanting, never thanked for
  /^(?:(?:hmm+|ok|okay|well|ugh|meh|wow|geez|jeez|man|mate|omg)\s+)*(?:(?:you are|youre|you re|ur|u r|u are|this is|its|what|such|you)\s+)?(?:a |an )?(?:(?:pretty|really|very|so|such a|totally|completely) )?(?:bad|terrible|awful|crap|crappy|dumb|stupid|useless|hopeless|rubbish|lousy|poor|pathetic|annoying) (?:bot|robot|chatbot|chat bot|computer|machine|program|ai|assistant)\b/,
];

/** Words after a complaint that make it about the patient after all ("this isn't helping, I can't go on"). */
const ABOUT_ME = /\b(i|im|ive|id|myself|want|wanna|life|die|dead|end|kill|hurt|anymore|going|gonna|cope|alone|tired)\b/;

/** "I'm getting frustrated, I've asked about prices three times now": the same question asked again and again. */
const ASKED_AGAIN =
  /\b(asked|asking|ask|typed|said) (you |u )?(about |for )?(this|that|it|the same( thing| question)?|\w+) (three|3|two|2|four|4|several|many|multiple|a few|so many|a million) times\b|\b(asked|asking) (you |u )?(the same (thing|question)|this|that) (again|already|before)\b/;

export function complainsAboutAnswer(text: string): boolean {
  const form = plainForm(text);
  if (ASKED_AGAIN.test(form)) return true;
  for (const re of BOT_COMPLAINT) {
    const m = re.exec(form);
    if (!m) continue;
    // Only the complaint, and a few words after it ("…at all", "…are you", "…my question"), nothing about the patient.
    const rest = form.slice(m.index + m[0].length).trim();
    return rest.split(' ').filter(Boolean).length <= 4 && !ABOUT_ME.test(rest);
  }
  return false;
}

/** A short acknowledgement ("ok", "lol ok", "got it"): the conversation goes on, nothing to thank. */
const ACKNOWLEDGE =
  /^(ok|okay|k|kk|cool|lol|haha|hahaha|lol ok|haha ok|ok cool|alright|right|got it|gotcha|fair enough|i see|ah ok|ahh ok|oh ok|hmm|hm|mm|nice|great|sweet|noted|ok then|fine)$/;

/** Kind words about the bot ("you're pretty smart for a robot haha", "good bot"). */
// ("my friend recommended you, she said you're great!")
// ("not bad for a robot 😄", "pretty decent for a computer": praise with a qualifier)
const COMPLIMENT =
  /\b((not|not too|not so) (bad|shabby)( at all)? for (a|an) (\w+ )?(bot|robot|computer|machine|program|programme|ai|chatbot|chat bot)|(pretty|quite|very|rather) (good|decent|impressive) for (a|an) (\w+ )?(bot|robot|computer|machine|program|programme|ai|chatbot|chat bot)|smart|clever|helpful|funny|good bot|legend|(much |way |heaps |so much |a lot )?(better|easier|clearer|nicer|friendlier|quicker) (to deal with |to talk to |to use |to understand |to chat to |to chat with )?than|brilliant|awesome|lovely|wonderful|lifesaver|life saver|well done|(good|great|nice) (job|work|one)|nice (website|site|websites|sites|page|chat|bot|design)|(you are|youre|your|ur) (great|the best|amazing|fantastic|a star|a gem|a champ|a champion|an angel|a treasure)|(easy|simple|straightforward) to (use|find|navigate|follow|book|get around)|user friendly|(good|great|clear|nice|excellent|very good|so good) (at )?(explaining|explanations?)|(explained|explain|explains) (it |that |things |everything |them )?(so |very |really )?(well|clearly|nicely|simply)|(clearly|well|nicely|beautifully) explained)\b/;
/** Small talk with the bot itself: how its day is, sorry to bother it, how clever or polite it is. */
const SMALL_TALK =
  /\b(how( (is|s|has|was)|s|z) (your|ur|ya) (day|week|morning|afternoon|evening|weekend|night|shift)( been| going| treating (you|u))?|how are (you|u|ya)( going| doing| today| travelling)?|hows (it|things) (going|with you)|(keeping|keep) (you|u) busy|busy (with|day|today)|you must (get|be)( asked)?|(sorry|apologies) (to|for) (be|being) (such |a |so |) ?(a )?(bother|pain|nuisance|pest)|(sorry|apologies) (to|for) (bother|bothering|trouble|troubling) (you|u)|silly questions|(clever|smart|polite|patient|friendly) (little )?(thing|bot|computer|machine|program)|would never have believed|(arent|are not) (you|u) (a |so )?(clever|smart|polite|clever little)|do (you|u) (ever )?(get tired|sleep|take a break|have a (day|break) off))\b/;
/** What asks something of the clinic all the same: its treatments, conditions, bookings, prices, hours, people. */
const ASKS_THE_CLINIC_TOO =
  /\b(acupuncture|acu|needl\w*|dry|dn|book\w*|appointment|appt|price|cost|how much|hours|open|session|treat\w*|help (with|for)|pain|sore|ache\w*|hurt\w*|condition|list|physio|practitioner)\b/;

/**
 * Small talk only ("How's your day going? Busy with lots of questions I suppose.", "Sorry to be such a bother…"): no
 * question for the clinic in it, no greeting (answered as one), short enough to be a remark. For the dialogs only: the
 * safety triage never takes it for social words ("sorry to be a bother, the world would be lighter without me").
 */
export function smallTalkOnly(text: string): boolean {
  const form = plainForm(text);
  return SMALL_TALK.test(form) && !ASKS_THE_CLINIC_TOO.test(form) && !GREETING_FIRST.test(form) && form.split(' ').length <= 30;
}
const GREETING_FIRST = /^(hi|hello|hey|heya|hiya|gday|g day|good (morning|afternoon|evening|day)|morning|afternoon|evening|howdy|yo)\b/;

/** A question put in words that are each social ones: how much, how long, can I come. */
// ("thanks, what's your phone number?": a detail of the clinic asked in social words)
const ASKED_IN_SOCIAL_WORDS =
  /\bhow (much|many|long|soon|often|far|old)\b|\b(what|whats|what s|wats|where|wheres|where s) (is |are )?(your|ur|the|yr) (phone|number|email|address|website|hours|name)\b|\b(can|could|may|should) (i|we|he|she|you|u|my \w+) (come|book|get|have|use|visit|bring|see|still|do|help)\b/;
const THANKS = /\b(thanks|thank|thankyou|thanx|thx|ty|ta|cheers|appreciate|appreciated|grateful)\b/;
const APOLOGY = /\b(sorry|oops|wrong|my bad|never mind|nevermind)\b/;
/** "Happy Friday!", "what's new?": a greeting of the day. */
const WEEKDAY_GREETING = 'happy (monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)|whats (new|up)';
const WEEKDAY_GREETS = new RegExp(`^(${WEEKDAY_GREETING})\\b`);
const GREETING = new RegExp(
  `^((just )?(wanted|want|thought id) (to )?say )?(${WEEKDAY_GREETING}|hi+|hey+|hello+|helo+|(nice|pleased|good|lovely|great) to meet (you|u|ya)|heya|hiya|howdy|gday|good (morning|afternoon|evening|day)|morning|afternoon|evening|how (are|r) (you|u|ya)|hows it going|how do you do|hola|buenos|buenas|bonjour|ciao|namaste|kia ora|yo|buongiorno|buonasera|hallo|salut|konnichiwa|annyeong|ni hao|guten tag|xin chao|salaam|shalom|ola)\\b`,
);

/**
 * The writer excuses their English or asks whether they are understood ("sorry for my English, is not my first language",
 * "can you understand me ok?"): reassured, not declined.
 */
const LANGUAGE =
  /\b(sorry|apologies|apologise|apologize|excuse|pardon) (for |about )?(my )?(bad |poor |broken |terrible )?english\b|\benglish (is |isnt |is not |not )(not )?(my (first|native|main)|(very |so |that |too )?(good|great|the best|perfect|strong|well))\b|\b(bad|poor|broken|terrible|not good|not great) english\b|\b(can|do|did|could) (you|u) understand (me|what i (say|said|mean|write|wrote|am saying))\b/;

const LANGUAGE_SAID = new RegExp(LANGUAGE.source, 'g');

/** What a social message is: a farewell, an acknowledgement, or thanks (anything else the model took for thanks). */
export function socialKind(text: string): 'farewell' | 'acknowledge' | 'thanks' | 'wishes' | 'compliment' | 'language' | 'smalltalk' {
  const form = plainForm(text).replace(/\s+x+$/, '');
  if (LANGUAGE.test(form)) return 'language';
  if (SMALL_TALK.test(form) && !COMPLIMENT.test(form)) return 'smalltalk';
  if (FAREWELL.test(form)) return 'farewell';
  // ("Nice chatting. See you at the clinic!": a farewell after a kind word, with no thanks to answer)
  if (SEE_YOU.test(form) && !THANKS.test(form)) return 'farewell';
  // "Merry Christmas to the whole team!": season's greetings, returned (not thanked).
  if (SEASONS_GREETINGS.test(form)) return 'wishes';
  // "my friend recommended you, she said you're great!": kind words, thanked for (no "you're welcome").
  if (praises(form) && !THANKS.test(form)) return 'compliment';
  if (form === '' || ACKNOWLEDGE.test(form) || (APOLOGY.test(form) && !THANKS.test(form))) return 'acknowledge';
  return 'thanks';
}

/** Words a purely social message is made of: greetings, thanks, kind words, "sorry, wrong chat", fillers. */
const SOCIAL_VOCAB = new Set(
  (
    'hi hello helo hey heya hiya howdy omg gn tablet ipad laptop gday good morning afternoon evening day hola buenos buenas dias bonjour ciao namaste kia ora yo ' +
    'there everyone all team folks guys quick just fyi dumb silly stupid daft a an the i im ive my me you youre youve your u ya yous been have has had very so ' +
    'much really heaps lots lot for with to before after ask asking question questions some few couple of this that it its ' +
    'thanks thank thankyou thanx thx ty ta cheers appreciate appreciated grateful dear love mate darl legend patient helpful ' +
    'kind lovely great awesome perfect brilliant wonderful excellent nice cool ok okay k kk alright fair enough got gotcha noted ' +
    'sweet no worries problem bye goodbye see later cya night sorry wrong chat number person oops bad never mind nevermind lol ' +
    'haha hahaha x xx xxx and but well oh ah hmm yes yeah yep was were be is are am thats again now then today ' +
    'buongiorno buonasera hallo salut konnichiwa annyeong ni hao guten tag most think get back ill will english help not ' +
    'have come contact soon later god bless blessings take care testing test works working if does ' +
    // foreign greetings, kind words to the bot, and who is typing ("I'm new here", "typing this for my nan")
    'tardes noches xin chao salaam shalom ola ha hah heh kindly pretty smart clever funny robot bot chatbot new here first time on site website visit visiting fine right nah nope good ' +
    // how the writer feels after a visit ("just wanted to say thanks, felt great")
    'felt feel feels feeling amazing fantastic yesterday yday went ' +
    'typing writing on behalf grandmother grandma nan mum mom mother dad father husband wife partner son daughter friend ' +
    // bedtime farewells, a message sent to the wrong window, a first-timer ("I've never used one of these chat things")
    'goodnight gnight nite nighty window tab conversation app page screen meant someone else name never used use using one ' +
    'these those chat things thing computer computers another other different ' +
    // a visitor looking around or about to ask ("just browsing, nothing specific", "quick q coming up, bear with me"),
    // and warmer thanks ("thank u so much ur amazing")
    'browsing browse looking look around having nothing specific particular in coming up bear wait sec second moment min maybe perhaps probably ' +
    'minute q qn something can may ur amazing fantastic superb star gem champ angel bless luv hun how hows doing r ' +
    // a first-timer's aside and a weekday greeting ("I'm new to all this computer business", "Happy Friday! What's new?")
    'bit business stuff tech technology online internet happy whats up monday tuesday wednesday thursday friday saturday sunday weekend ' +
    // polite asides ("I hope I'm not bothering you at this hour", "sorry for asking so many questions"), a decision to
    // think or to ring ("thanks, I'll have a think about it", "I'll give the clinic a ring"), who set the chat up
    'hope bothering bother disturbing interrupting at hour late early many about give ring call clinic grandson ' +
    // what an answer did for the writer, and praise of the page ("that cleared up a lot, I feel less nervous now", "your
    // website is lovely and easy to read, nicer than most clinics, well done whoever wrote it")
    'cleared clearer clear less nervous worried anxious calmer better actually explained makes sense lovely easy read nicer ' +
    'than clinics done whoever wrote written made wanted say ' +
    'granddaughter grandkids kids set up he she said ' +
    // a first-timer's exclamation and a quick hello before the day ("oh gosh", "before I start work, after my coffee"),
    // and thanks in chat shorthand ("ty sm, rly helpful")
    'gosh golly gee crikey start starting work when coffee cuppa sm rly tysm ' +
    // who sent them and when they will ring ("my sister recommended you", "I'll give you a ring tomorrow"), and season's
    // greetings ("Merry Christmas to the whole team!")
    'recommended recommends referred sister brother aunt uncle cousin colleague neighbour neighbor boss mate tomorrow next week shortly ' +
    'merry christmas xmas happy new year holidays easter hanukkah diwali eid lunar chinese seasons greetings compliments season whole staff everybody weekend friday ' +
    // the writer's English excused or a check they are understood ("sorry for my English, is not my first language"),
    // "nice to meet you", and a kind comparison ("better than the last website I tried")
    'language native main poor broken terrible best perfect strong understand understood apologies apologise apologize excuse pardon ' +
    'say said mean write wrote saying meet meeting pleased better than last tried ever ' +
    // an apology for going on ("sorry I've been rambling, thanks for being patient, I'll have a think")
    'rambling ramble rambled waffling waffle waffled being patience listening time chatty ' +
    // ("Apologies in advance for the long message", "sorry for the essay": an apology for the length)
    'advance long lengthy essay novel message msg post text wall ' +
    // ("Sorry, I'm probably overthinking the wording": an apology for reading too much into it)
    'overthinking overthink overthought wording words reading too into ' +
    // who the praise is from ("very easy to read for an old codger like me")
    'old oldie codger coot duffer fogey geezer like ' +
    // where else they looked ("more helpful than the stuff I found on Google")
    'found google googled googling online internet web ' +
    // thanks in the writer's first language ("Cảm ơn! Thank you"), an old man thanking, and the wait it spared them
    // ("you have been very kind to an old man", "better than waiting on the phone")
    'cam gracias merci danke grazie arigato arigatou xie xiexie shukran efharisto dhanyavaad dhanyavad obrigado obrigada spasibo terima kasih salamat ' +
    'old man lady woman gentleman bloke fella waiting wait hold phone queue line ' +
    'deal easier friendlier quicker navigate talk ' +
    // thanks for an explanation ("Thanks for explaining the difference, it makes much more sense now"), patience asked
    // ("please bear with me"), kind words with a qualifier ("not bad for a bot, actually quite helpful")
    'explaining explained explanation difference makes made sense clearer more please bad quite actually ' +
    // ("not too shabby for a computer", "pretty decent for a robot")
    'shabby decent impressive pretty rather too robot bot chatbot machine program ai ' +
    // "nice chatting, see you at the clinic!"
    'chatting ' +
    // typing slips ("sorry about my spelling lol", "I think I typed in the wrong box"), a visitor not ready to ask
    // ("just browsing, nothing specific yet"), "just wanted to say hi", warm words about an answer ("that's really
    // interesting, thanks for explaining it so clearly"), and who is there ("my name is Margaret … is anyone there?")
    'spelling spell spelled spelt typo typos typed type autocorrect box field yet wanted want wanna say let know interesting informative useful ' +
    'clearly clear explain name anyone anybody someone somebody whoops woops oopsie ' +
    // "you're a lifesaver honestly"
    'lifesaver saver honestly truly seriously genuinely such treasure champion absolute absolutely total totally utter real ' +
    // feedback on the website ("Just wanted to say the website's really easy to use")
    'websites site sites easy simple straightforward navigate follow find user friendly booking online form design ' +
    // a tag after kind words ("you're very clever, aren't you!")
    'arent isnt very so ' +
    // "you're very clever, well done", "nice website by the way"
    'done job work by way btw ' +
    // blessings on the reader's family ("Thank you very much for your kind help, God bless you and your family")
    'family families loved ones yours blessed bless keep safe hooroo cheerio tata toodles adios gotta ' +
    // "thanks! I'll pass this on to my mum"
    'pass share show forward send info information ' +
    // an answer taken as it is ("fair enough, cheers anyway", "ah well, thanks all the same")
    'anyway anyways though tho same shame pity regardless'
  ).split(' '),
);

/**
 * "go easy on me", "be gentle with me", "a bit hopeless with computers": patience asked for; "you've answered everything
 * I wanted to know", "that covers all my questions": the answers found enough (both social words, said with thanks).
 */
// ("G'day, just having a sticky beak at what you do. Cheers": a visitor looking around)
const GO_EASY =
  /\b((you have|youve|you|that has|thats|that|this has|it has|its) (answered|covered|cleared up|explained|sorted) (everything|all of it|it all|all my questions|my questions|my question|all i (wanted|needed) to know|what i (wanted|needed) to know)( i (wanted|needed) to know)?|go easy on me|be gentle with me|(having|have|had|taking|take) a (quick |little |bit of a )?(sticky beak|stickybeak|squiz|gander|look|peek|nosy|browse|look around|poke around)( around)?( at (what you do|what you guys do|what yous do|what you offer|the (site|page|website)|your (site|page|website)))?|be patient with me|forgive me|(i am|im|i m|we are|were|i come|we come|i came|we came)( originally| just| quite)? (from|new (in|to)|here from) [a-z]+( [a-z]+)?|(a bit |a little |so |pretty |really )?(hopeless|useless|no good|bad|terrible|not (great|good|very good|the best|much good)) (with|at) (the |a |these |this )?(computers?|technology|tech|phones?|typing|these things|chat things|internet|computer things|gadgets))\b/g;

/**
 * What was learnt, to be passed on ("I will tell my wife about the needles tonight", "I'll show my mum this"): a
 * goodbye's kind of sentence, as social as thanks when nothing else is said.
 */
const PASSES_ON =
  /\b(i will|i ll|ill|i am going to|im going to|im gonna|i am gonna|gonna|going to|will) (tell|show|let|pass (this|it|that|them) on to|forward (this|it|that) to|mention (it|this|that|them) to|share (this|it|that) with|read (this|it|that) to) (my|our|the) ((\w+ )??\w+)( (all )?(this|that|it|these|them))?( (know|too|as well))?( about (it|this|that|them|the needles|the needling|acupuncture|dry needling|needling|you|your clinic|the clinic|your answers?|what you said))?( (tonight|today|later|tomorrow|this evening|when (he|she|they) (gets|get|comes|come) home|over dinner|at dinner))?\b/g;

/**
 * Word of how a visit went ("the needling I had last week was amazing", "my shoulder feels heaps better"), or of the
 * website ("what a lovely website, very easy to read"): kind words,
 * as social as thanks when nothing else is said.
 */
const FEEDBACK =
  /\b((the|my|that|your|our) )?(needling|dry needling|acupuncture|session|treatment|appointment|visit|acu|dn)( session| treatment)?( i had| i got| we had| he had| she had| yesterday| last week| on \w+| today| this morning| the other day)* (was|were|has been|is|s) (absolutely |really |so |just |truly |bloody |pretty |honestly )?(amazing|great|fantastic|brilliant|excellent|wonderful|awesome|so good|really good|unreal|magic|the best|a game changer|life changing|perfect)\b|\bmy (\w+ ){1,2}(feels?|is|are|s) (heaps |so much |much |a lot |way |loads |tons |miles )?(better|looser|freer|lighter)( already| now| than it has in (ages|years|months))?\b|\b(it|that|everything|the session|my session|today|yesterday) (went|has gone|all went) (really |so |very |super |pretty |extremely )?(well|great|fine|smoothly|perfectly|brilliantly)\b|\b(what a |such a |a |your )?(lovely|great|nice|beautiful|good|wonderful|clear|easy|helpful) (website|web site|site|page|webpage)( you have)?\b|\bwell done to (whoever|the person|the people|you|your team)( (who )?made it)?\b|\b(it is |its )?(very |so |really |quite )?easy to (read|use|follow|navigate)( even for (an |a )?(old|older) (lady|man|person|woman|bloke)( like me)?( with bad eyes)?)?\b/g;
/**
 * Kind words about the article, the page or the chat, and passing it on ("Great explainer btw, sharing it with my team
 * FYI", "really informative read", "this is pretty handy, good job whoever set it up"): global, for taking the words out.
 */
const PIECE_PRAISED =
  /\b(great|good|nice|excellent|brilliant|awesome|helpful|useful|informative|clear|handy|interesting|fantastic|very good|really good|super|solid|top) (little )?(explainer|article|read|write up|writeup|summary|overview|piece|info|information|page|blog|post|resource|rundown|breakdown)\b|\b(sharing|share|forwarding|forward|sending|send) (it|this|that|the article|your article|the page|the link) (with|to) (my|the|our) (team|colleagues|workmates|friends|family|mum|mom|dad|partner|wife|husband|boss|group|mates)\b|\b(this|it|that|this chat|this thing) (is|s) (pretty |really |very |so |super |quite )?(handy|useful|neat|clever|easy to use)\b|\b(whoever|who ever|the person who|the people who) (set|made|built|wrote|designed|put) (it|this|this thing|the bot|the chat|this chat) ?(up|together)?\b/g;
const PIECE_PRAISED_SAID = new RegExp(PIECE_PRAISED.source);
/** Kind words about the bot, the clinic's treatment, or the article and the chat (COMPLIMENT, FEEDBACK, PIECE_PRAISED). */
function praises(form: string): boolean {
  return COMPLIMENT.test(form) || FEEDBACK_SAID.test(form) || PIECE_PRAISED_SAID.test(form);
}
/** How the writer read the article, told ("I only skimmed it on my phone", "just glanced at the page"): global, taken out. */
const SKIMMED =
  /\b(i )?(only |just |kinda |sort of )?(skimmed|skim read|speed read|glanced at|glanced over|scrolled through|flicked through) (it|the article|your article|the page|the website|the site|through it)( (on my phone|on the bus|on the train|quickly|briefly|on my break|at work))*\b/g;
/** The same, as a test (FEEDBACK is global, for taking the words out). */
const FEEDBACK_SAID = new RegExp(FEEDBACK.source);
/** PASSES_ON as a test (it is global, for taking the words out). */
const PASSES_ON_SAID = new RegExp(PASSES_ON.source);

/**
 * A question announced, not yet asked ("I have a few questions about the needle treatments", "can I ask something?",
 * "I'm a slow typist so please bear with me"): a greeting's opening, answered by inviting the question.
 */
const ANNOUNCES_QUESTION =
  /\b(i (have|got|ve got|have got) (a|one|some|a few|few|a couple of|couple of|two|three|several|a number of|lots of|a lot of|a couple) (quick |small |little |silly |dumb |general |simple |few )?(questions?|queries|query|enquiry|enquiries|things to ask)( (about|on|regarding|re|for you about) (the |your )?(needle treatments?|needling treatments?|treatments?|services|clinic|needles))?|((can|could|may) i|i (can|could|may)|(is it|would it be) (ok|okay|alright|all right|fine) (if|for me to|to)( i)?) (just )?ask (you )?(a |some |a few |a couple of )?(quick |few )?(something|questions?|things|few things)( about (the |your )?(needles?|needling|treatments?|acupuncture|dry needling))?|(please |pls )?bear with me|(i am|im) (a )?(very |really |quite |a bit )?(slow|bad|terrible|poor) (typist|at typing|typer)|(i am|im) (slow|not fast) at typing|(she|he|they|we|my \w+) (has|have|has got|have got|s got|ve got) (a|one|some|a few|few|a couple of|couple of|two|three) (quick |small |little )?(questions?|queries|things to ask)( for (you|u))?( in a (minute|sec|second|moment|bit|tick))?|(i )?(do not|dont|did not|didnt) have (a|any) (particular |specific |real |actual )?(questions?|query)( (yet|just yet|right now|at the moment|as such))?|(i )?(only|just)? ?(wanted|want|thought i would|thought id) to (say hello|say hi|see how (it|this|the chat) works|try (it|this) out|have a look)|(see|seeing|find out) how (it|this|the chat|this chat) works|(i am |im )?(just )?helping (my \w+|him|her|them) (to )?(use|with) (the|this|a|her|his|their) (computer|tablet|phone|ipad|laptop|chat|website)|(told|showed|said) (me|her|him) (i|she|he) (could|can) (type|write|ask|chat) (in )?(here|on this|this way)|(i am |im |i m )?(asking|writing|messaging|enquiring|typing|chatting)( this)? (on behalf of|for) (my|our) \w+( who (is not|isnt|is|s) (very |so |that |too )?(great|good|confident|comfortable|used to|keen on|handy) (with|on|at) (computers?|the computer|phones?|technology|tech|typing|the internet|these things))?|(is that|is this|hope (that|this) is|hope thats|hope that s|that is|thats) (ok|okay|alright|all right|fine)( with you)?)\b/g;

/**
 * Who sent the patient, or that a booking is coming ("my physio gave me your clinic's name", "a friend recommended
 * you", "… before I book"): a greeting's opening, nothing asked.
 */
const REFERRED =
  /\b((my|a|our) (\w+ )?(physio|physiotherapist|gp|doctor|dr|chiro|chiropractor|osteo|osteopath|friend|mate|sister|brother|mum|mother|dad|father|partner|wife|husband|colleague|coworker|workmate|neighbour|neighbor|daughter|son|trainer|coach|massage therapist|myotherapist|podiatrist|midwife) (gave me|passed on|recommended|referred me to|told me about|mentioned|suggested|sent me to|put me onto|put me on to) (your|you|this|the|yous)( (clinic s|clinics|clinic) name| clinic| name| details| number| guys| place| website| site| page| mob| team)?|before i (book|make a booking|make an appointment)( in)?( (a|my) (session|appointment|visit))?)\b/g;

/** Where the writer is off to ("gotta get back to the paddock", "have to run, the kids are home"): a goodbye's reason, no question. */
const OFF_TO =
  /\b(gotta|got to|have to|need to|must|better|off to|heading back to|back to) (go|run|dash|fly|get back|head off|get going|head back|go back|get on|get moving|pick up)( (to|with) (the |my |our |work|it)?\w*( \w+){0,2})?\b/g;

/** The writer new to computers or to chat ("not very good with computers", "my granddaughter showed me how to type in here"). */
const NEW_TO_COMPUTERS =
  /\b(not (very |too |that |so )?(good|great|clever|confident|handy) (with|at|on) (computers|technology|tech|these things|this|phones|the computer|the internet)|(showed|show|shown|taught|teaching|helped|set) me (how to|up)|new to (this|all this|computers|these|chat)|first time (using|doing|on) (one of these|this|a chat|these)|not (very )?(techy|tech savvy|computer literate)|bear with me)\b/;

export function newToComputers(text: string): boolean {
  return NEW_TO_COMPUTERS.test(plainForm(text));
}

/** Who set the chat up, or a first message to see that it works ("my daughter set this up for me", "just testing"). */
const SETTING_UP = /\b(set (this|it|me) up|sets (this|it) up|just testing|testing( testing)?|(a|just a) test)\b/;

/** The writer's name said ("my name is Margaret", "I'm Sue Lee"), taken out: a name is no word of any question. Capitalised only. */
function withoutIntroduction(text: string): string {
  return text.replace(/\b(?:[Mm]y name is|[Mm]y name's|[Tt]his is|I am|I'm|I’m|[Ii]m)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b/g, ' ');
}

/**
 * A message that is only social ("Thank you dear, you've been very patient with me", "Hi! Quick hello before I ask my
 * questions", "sorry wrong chat", "Hola, buenos días"): every word is a social one. The intent model, trained on
 * questions, reads such messages as anything at all.
 */
export function socialOnly(text: string): 'greeting' | 'social' | undefined {
  const whole = socialSentence(text);
  if (whole) return whole;
  // ("Just wanted to say your website is lovely and easy to read, nicer than most clinics. Well done whoever wrote it.":
  // every sentence social, however long the message)
  const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
  if (sentences.length < 2) return undefined;
  const each = sentences.map(socialSentence);
  // A greeting with more said around it, never a farewell or thanks among it (a goodbye can be a crisis; "im done.
  // goodbye everyone" is not small talk): "Hello there! … I hope I'm doing it right. How are you today?" (a sentence of
  // social words alone, beside the greeting), "Morning! Just a quick hello, I'll have more questions later".
  if (each.includes('greeting') && !sentences.some((x) => FAREWELL.test(plainForm(x)) || THANKS.test(plainForm(x)))) {
    const greets = sentences.every((x, i) => each[i] !== undefined || socialWordsOnly(x));
    if (greets) return 'greeting';
  }
  if (each.some((x) => x === undefined)) return undefined;
  return each.every((x) => x === 'greeting') ? 'greeting' : 'social';
}

/**
 * A message that ends the chat ("Okay I think that's everything. I'm off for a cuppa and a think. Bye for now, and thanks
 * for putting up with my waffling!"): its last sentence a farewell or thanks, and nothing asked anywhere. For the reply
 * only: the safety triage reads such messages itself (a goodbye can be a crisis), and this is never one of its gates.
 */
const MAX_CLOSING_WORDS = 14;
export function closesChat(text: string): boolean {
  if (text.includes('?')) return false;
  const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
  if (sentences.length < 2) return false;
  const last = plainForm(sentences.at(-1)!);
  return (FAREWELL.test(last) || /^(thanks|thank you|thankyou|thx|ta|cheers)\b/.test(last)) && last.split(' ').length <= MAX_CLOSING_WORDS;
}

/** Kind words that set the bot above another clinic, site or bot, and what is said of the other after them. */
const OUTDOES_OTHERS =
  /\b((more helpful|better|clearer|easier|nicer|friendlier|quicker|faster|more useful|more informative|heaps better|way better|much better)( to deal with| to talk to| to use| to understand| to chat to| to chat with| to get answers from| to navigate)? )than (the |my |our |a |any |most |some )?(last |other |previous |old |usual |another |regular |last few )?(\w+ ){0,2}(clinic|clinics|website|websites|site|sites|place|places|physio|physios|chiro|practice|practices|one|ones|bot|bots|chatbot|chatbots|receptionist|gp|stuff|things|info|information|articles|results|google|internet|web|youtube|reddit|forums?|facebook|chatgpt|what i (found|read|saw|got))( s)?\b(.*)$/;

/**
 * "honestly you explain this better than half the doctors I work with haha", "Thanks, that explains more than my physio
 * ever bothered to": the chat's explaining praised against someone else's, which asks nothing.
 */
const EXPLAINS_BETTER =
  /\b(you|u|ya|this|that|it|the bot|this chat|the chat|the article|your article)( (have|ve|has|s))? (explain|explains|explained|explaining|made|makes|make|put|puts)( (this|it|that|things|everything|stuff|it all|more|so much))*( (so much|way|heaps|a lot|much|far|miles|loads))? (better|clearer|more clearly|more|simpler|easier to understand|more sense)( (to me|for me))? than\b.*$/;

/** A sentence as the social checks read it: the writer's name taken out, accents dropped, plain words. */
function socialForm(text: string): string {
  return plainForm(withoutIntroduction(text).normalize('NFD').replace(/\p{M}/gu, ''));
}

/** Whether a sentence is made of social words only, asking nothing ("I hope I'm doing it right"). */
function socialWordsOnly(text: string): boolean {
  const form = socialForm(text);
  const words = form.split(' ').filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= MAX_PLAIN_SOCIAL_WORDS &&
    words.every((w) => SOCIAL_VOCAB.has(w) && !TELLS_OF_TREATMENT.has(w)) &&
    !ASKED_IN_SOCIAL_WORDS.test(form) &&
    !text.includes('?')
  );
}
const MAX_PLAIN_SOCIAL_WORDS = 24;
/** Social words that also tell of a complaint or the treatment ("I hope it works for my back"): never social alone. */
const TELLS_OF_TREATMENT = new Set(
  'back works working help helpful come better feel feeling feels felt done over enough anymore tired sorry nothing last not'.split(' '),
);

function socialSentence(text: string): 'greeting' | 'social' | undefined {
  if (greetsOnly(text)) return 'greeting';
  // A smiley or a thumbs-up alone is a reaction to the last answer.
  if (/\p{Extended_Pictographic}/u.test(text) && !/[\p{L}\p{N}]/u.test(text)) return 'social';
  const form = socialForm(text).replace(/\s+x+$/, '');
  // ("first time using one of these chat things, go easy on me!": a request for patience, a social word)
  const announces = new RegExp(ANNOUNCES_QUESTION.source).test(form);
  const referred = new RegExp(REFERRED.source).test(form);
  // ("you're more helpful than the last clinic's website, they just had a phone number lol": the other clinic's ways,
  // told after the kind word, ask nothing; not when a question or a clinic matter follows)
  const outdone = OUTDOES_OTHERS.exec(form);
  const compared =
    outdone && !text.includes('?') && !ASKS_THE_CLINIC_TOO.test(outdone[8] ?? '')
      ? form.replace(OUTDOES_OTHERS, '$1')
      : !text.includes('?')
        ? form.replace(EXPLAINS_BETTER, ' ')
        : form;
  const words = compared
    .replace(GO_EASY, ' ')
    .replace(FEEDBACK, ' ')
    .replace(PIECE_PRAISED, ' ')
    .replace(SKIMMED, ' ')
    .replace(PASSES_ON, ' ')
    .replace(ANNOUNCES_QUESTION, ' ')
    .replace(REFERRED, ' ')
    .replace(OFF_TO, ' ')
    .replace(LANGUAGE_SAID, ' ')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0 && (announces || referred)) return 'greeting';
  // ("Can you understand what I write?": whether the writer's English is understood, asked)
  if (words.length === 0 && LANGUAGE.test(form)) return 'social';
  // ("the acupuncture I had on Monday was brilliant, my neck feels so much better": nothing but word of how it went)
  if (words.length === 0 && (FEEDBACK_SAID.test(form) || PIECE_PRAISED_SAID.test(form))) return 'social';
  // ("I will tell my wife about the needles tonight": what was learnt, to be passed on)
  if (words.length === 0 && PASSES_ON_SAID.test(form)) return 'social';
  // ("gotta go!", "must dash": a goodbye that is all reason)
  if (words.length === 0 && FAREWELL.test(form)) return 'social';
  // (an age told with a name: "my name is Margaret, I'm 81 and my granddaughter set this up")
  if (words.length === 0 || words.length > 18 || !words.every((w) => SOCIAL_VOCAB.has(w) || /^\d{1,3}$/.test(w))) return undefined;
  // ("thanks. how much is it?", "thanks, can I come in?": a question in social words is still a question)
  if (ASKED_IN_SOCIAL_WORDS.test(form)) return undefined;
  // ("Happy Friday! What's new?" greets, it does not thank)
  if (WEEKDAY_GREETS.test(form)) return 'greeting';
  if (
    THANKS.test(form) ||
    FAREWELL.test(form) ||
    ACKNOWLEDGE.test(form) ||
    APOLOGY.test(form) ||
    // ("is the website easy to use?" asks, it does not praise)
    (praises(form) && !/^(is|are|does|do|can|could|will|would|how|what|why|where|when|which)\b/.test(form)) ||
    WELL_WISHING.test(form) ||
    LANGUAGE.test(form)
  )
    return 'social';
  return GREETING.test(form) || SETTING_UP.test(form) || announces ? 'greeting' : undefined;
}

/**
 * A greeting alone, or with the writer's name ("Hi, I'm Sue", "Hello, this is Margaret Smith"): the name must be
 * capitalised, so that "hi im dying" or "hi im not ok" is never taken for an introduction.
 */
// (a smiley or an emoji may close it: "Hi, I'm Priya 🙂"; a returning visitor: "hi again, it's me from yesterday")
const GREETS_ONLY =
  /^\s*((just )?(wanted|want|thought i'?d|thought i’d) (to )?say )?(hi+|hello+|hey+|hiya|heya|g'?day|good (morning|afternoon|evening|day))( there| all| team| everyone)?( again)?[\s,!.]*((i am|i'm|i’m|im|this is|my name is|it's|it’s|its)\s+[A-Z][a-z]+(\s+[A-Z][a-z]+)?|(it's|it’s|its|it is) me( again| here| back)?( from (yesterday|earlier|before|this morning|last (week|time|night)))?|(i'm|i’m|im|i am) back)?([\s.!?]|\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[:;]-?[)D(P])*$/iu;

export function greetsOnly(text: string): boolean {
  const m = GREETS_ONLY.exec(text);
  if (!m) return false;
  // The /i flag lets "Hi" and "I'm" through; the name itself must still start with a capital.
  const name = /(?:i am|i'm|i’m|im|this is|my name is|it's|it’s|its)\s+(\S+)/i.exec(text);
  return !name || /^[A-Z]/.test(name[1]) || /^(me|back)\b/i.test(name[1]);
}

/**
 * Someone else's advice told ("my physio mentioned dry needling but my friend swears by acupuncture"): who recommended a
 * treatment, not a question of who practises it.
 */
const ADVISED_BY =
  /\b(physio|physiotherapist|doctor|gp|dr|friend|mate|chiro|chiropractor|trainer|coach|pt|partner|wife|husband|mum|mom|dad|sister|brother|colleague|workmate|boss|neighbour|osteo|myo|massage therapist)s? (has |had )?(mentioned|mentions|says|said|suggested|suggests|recommended|recommends|reckons|swears by|told me|thinks|wants me to (try|get|have))\b/;

export function toldAdvice(text: string): boolean {
  return ADVISED_BY.test(plainForm(text));
}

/**
 * Words of the article's explanations that name no condition and no treatment ("What's magnesium got to do with muscle
 * knots?", "what are metabolic byproducts?"): a question with one is about the explanation, though "knots" is also a
 * condition's word.
 */
// ("so the knots trap like waste products… is it like toxins building up": the byproducts in lay words)
const ARTICLE_CONCEPT =
  /\b(magnesium|lactic( acid)?|metabolic|byproducts?|by products?|waste products?|toxins|nutrients?|minerals?|meridians?|acupoints?|nerve signalling|life force)\b/;

/** The clinic asked for something ("do you sell magnesium supplements?"), not the article's explanation. */
const FROM_THE_CLINIC = /\b(sell|sells|selling|stock|stocks|buy|supplements?|tablets?|pills?|capsules?|prescribe|prescribes|products?)\b/;

/** Where a message's clauses part ("I take magnesium tablets for cramps anyway so whats magnesium got to do with it"). */
const CLAUSE_BREAK = /[.?!;,]+\s*|\s+(?:so|anyway|but|and)\s+/;

export function namesArticleConcept(text: string): boolean {
  // (each clause judged alone: magnesium tablets told is no request to buy them when the next clause asks about the concept)
  return text.split(CLAUSE_BREAK).some((clause) => {
    const form = plainForm(clause);
    return ARTICLE_CONCEPT.test(form) && !FROM_THE_CLINIC.test(form);
  });
}

/** A thing of the article's explanation named, then asked which it is ("some mineral in the muscles. Which one is it?"). */
const WHICH_OF_A_FACT =
  /\b(some|a|one|certain|particular) (mineral|acid|chemical|substance|nutrient|byproduct|waste product)s?\b.*\b(which|what) (one|is it|one is it|was it|one was it)\b/;

export function asksWhichOfAFact(text: string): boolean {
  return WHICH_OF_A_FACT.test(plainForm(text));
}

/** The clinic's own practitioners asked about by name or person ("who will I see?"), which only the clinic can say. */
const STAFF =
  '(practitioner|practitioners|physio|physios|therapist|therapists|acupuncturist|acupuncturists|myotherapist|myotherapists|staff|doctor|doctors|team)';
const STAFF_ASKED = new RegExp(
  // ("would they both see the same practitioner or someone different?")
  `\\b(see|get|have|book with|be seen by|be booked with) (the same|a different|different|one|separate) ${STAFF}s?\\b|\\b(name|names) of (the|your|ur|that|this) ${STAFF}\\b|\\b(your|ur|the) ${STAFF} ?s? names?\\b|\\bwho (will|would|do|am|shall) (i|we) (see|be seeing|get|book with|be booked with)\\b|\\b(who would|who will|whod|wholl|who is going to|whos going to|who is|whos) (actually |really )?(be )?(actually )?(doing|giving|performing|putting in) (the|my|our|his|her) (needling|needles|treatment|acupuncture|dry needling|session|sessions)\\b|\\bwho (are|is) (your|ur|the) ${STAFF}\\b|\\bwhat (is|are|s) (the|your|ur) ${STAFF} called\\b|\\b(is there|are there|do you have|do u have|have you got|do you guys have|do you employ|any) (a |an |any )?(qualified |registered |female |male |trained |experienced )?${STAFF}s? (at|in|on|working at|who works at|with) (your|ur|the|this) (clinic|practice|place|team|staff)\\b|\\b(is there|are there|do you have|do u have|have you got|any|can i (see|request|book|get|have|ask for)|id like|i would like|i want|i prefer|prefer) (a |an |any )?(female|male|woman|women|lady|ladies|man|men|girl|guy|bloke) ${STAFF}s?\\b`,
);
/**
 * The clinic's people asked about in other ways: whether it has one of a kind ("got an osteo on the team?", "any physios
 * there?"), what they do or speak ("do any of your therapists speak Greek?", "do your physios do massage too?"; whether
 * they do the article's treatments is the article's to answer).
 */
const STAFF_KIND_ASKED = new RegExp(
  `\\b(is there|are there|do you|do u|do yous|do you guys|do u guys|have you|have you guys|have u|you got|got|any) (have |got |employ )?(a |an |any )?(\\w+ )?${STAFF}s? (on staff|on the team|on your team|in the team|there|here|in house|working there|working with you|at your (clinic|practice|place)|at the (clinic|practice))\\b|\\b(any|none) of (your|ur|the clinic s) ${STAFF}\\b|\\b(do|does|can|could|will) (your|ur|the clinic s) ${STAFF} (also |ever |all |each )?(speak|do|offer|practise|practice|provide|perform)\\b(?! (acupuncture|dry needling|needling|acu|dn|it|this|that|the needling|needles)\\b)`,
);
/**
 * Which of the clinic's people is best ("which of your acupuncturists is the most experienced?", "who's your top physio for
 * needling?"): only the clinic can say, whatever condition is named.
 */
const STAFF_RANKED = new RegExp(
  `\\b(who|which)( one)?( of)? ?(is|s|are|would be)? (your|ur|the) (best|top|most experienced|most qualified|most senior|favourite|favorite|most popular|most gentle|gentlest|nicest|recommended) ${STAFF}\\b|\\bwhich (of )?(your|ur) ${STAFF} (is|s|are|would be) (the )?(best|better|most|top|nicest|gentlest|recommended)\\b|\\b(best|top|most experienced) ${STAFF} (at|in|of) (your|ur|the) (clinic|practice|place|team)\\b`,
);

/**
 * One of the clinic's people asked about as a person ("is the acupuncturist a man or a woman?", "how long have they been
 * practising?", "what qualifications does your physio have?"): only the clinic can say.
 */
const STAFF_PERSON_ASKED = new RegExp(
  // ("Are they properly qualified, how many years' experience?": the clinic's people, as "they")
  `\\b(are|is) (they|he|she) (properly |fully |actually |all |even |really )?(qualified|registered|trained|certified|accredited|licensed|insured)\\b|\\bhow many years (of )?experience\\b|\\b(is|are) (the|your|ur|that|this) (\\w+ )?${STAFF}s? (there |here |at (the|your) (clinic|practice) )?(a |an )?(man|woman|male|female|bloke|lady|guy|girl|qualified|registered|experienced|trained|certified|accredited|licensed|insured|english speaking)\\b|\\bhow long (have|has) (they|he|she|you|you guys|yous|your ${STAFF}s?|the ${STAFF}s?|your (\\w+ )?${STAFF}s?) been (practising|practicing|in practice|working|qualified|registered|doing (this|it|needling|acupuncture|dry needling))\\b|\\b(what|which|any) (qualifications|training|experience|credentials|accreditation|registration) (do|does|have|has) (they|he|she|your (\\w+ )?${STAFF}s?|the ${STAFF}s?)\\b`,
);

/** Whether the message asks who the clinic's practitioners are ("what's the name of the practitioner?", "who will I see?"). */
export function asksAboutStaff(text: string): boolean {
  const form = plainForm(text);
  return STAFF_ASKED.test(form) || STAFF_KIND_ASKED.test(form) || STAFF_RANKED.test(form) || STAFF_PERSON_ASKED.test(form);
}

/** Whether the message asks which of the clinic's people is best, which no condition named changes. */
export function asksWhichStaffIsBest(text: string): boolean {
  return STAFF_RANKED.test(plainForm(text));
}

/**
 * "Is this Sandra?", "am I talking to Dr Lee?": a person asked for by name (capitalised, not the treatments or the clinic
 * words), whom the patient takes the bot for.
 */
const ASKS_FOR_NAMED_PERSON =
  /^\s*(?:[Hh]i,? |[Hh]ello,? |[Hh]ey,? )?(?:[Ii]s (?:this|that) |[Aa]re you |[Aa]m [Ii] (?:talking|speaking|chatting|messaging) (?:to|with) )(?:(?:[Dd]r|[Dd]octor|[Mm]r|[Mm]rs|[Mm]s|[Mm]iss)\.? )?([A-Z][a-z]+)(?: (?:from|at|on|in) (?:the )?(?:front desk|reception|desk|clinic|office))?\s*\??\s*$/;
const NOT_A_NAME = /^(Acupuncture|Dry|Needling|The|It|This|That|A|An|My|Your|Example|Real|Human|Person|Someone|Somebody|Anyone|Staff|Reception)$/;
/**
 * "is this sarah from reception?", "am i talking to dave at the front desk": a name typed in lower case, said with the desk
 * the person sits at (without the desk a lower-case word is as likely a thing: "is this normal?").
 */
const ASKS_FOR_PERSON_AT_DESK =
  /^\s*(?:(?:hi|hello|hey),? )?(?:is (?:this|that|it) |are you |am i (?:talking|speaking|chatting|messaging) (?:to|with) )[a-z]+ (?:from|at|on) (?:the )?(?:front desk|reception|front counter)\s*\??\s*$/i;

/** True when the message asks whether it is talking to a machine or a person. */
// (each sentence, and each clause of a long one, on its own: "Are you a bot? Just want to know before I type out my whole
// medical history", "Good evening. I do have a question, but first, is this message going to a real staff member?")
/** A sentence longer than this tells something else (the question about the bot is asked in a few words, with a polite lead-in). */
const MAX_BOT_QUESTION_WORDS = 20;

export function asksIfBot(text: string): boolean {
  const said = text.split(/(?<=[.?!;])\s+/);
  const named = said.map((x) => ASKS_FOR_NAMED_PERSON.exec(x)).find((m) => m && !NOT_A_NAME.test(m[1]));
  if (named || said.some((x) => ASKS_FOR_PERSON_AT_DESK.test(x))) return true;
  // (a dash sets off a lead-in too: "Before I type out my whole medical history - am I chatting to an actual person…?")
  const sentences = text.split(/[.?!;]+|\s[-–—]+\s/);
  return [...sentences, ...sentences.flatMap((x) => (x.includes(',') ? x.split(',') : []))]
    .map(plainForm)
    .some((form) => form !== '' && form.split(' ').length <= MAX_BOT_QUESTION_WORDS && ASKS_IF_BOT.some((p) => p.test(form)));
}

export type ClinicDetail = 'openingHours' | 'address' | 'unknown';

/** How the clinic runs that its details do not hold: getting there, access, visits, ways to pay, vouchers, the languages its staff speak. */
const CLINIC_MATTERS =
  'parking|park|car park|train|station|tram|bus|public transport|wheelchair|accessible|accessibility|disabled access|lift|elevator|stairs|toilet|home visits?|house calls?|mobile service|gift vouchers?|vouchers?|gift cards?|gift certificates?|afterpay|zip pay|zippay|payment plans?|eftpos|credit cards?|cash|amex|telehealth|video (consults?|appointments?)|online (consults?|appointments?)|interpreters?|translators?|female (practitioners?|physios?|acupuncturists?)|male (practitioners?|physios?|acupuncturists?)|receipts?|invoices?|memberships?|loyalty cards?|change rooms?|showers?|speaks?|speaking|mandarin|cantonese|vietnamese|arabic|hindi|greek|italian|spanish|korean|japanese|punjabi|tagalog|filipino|turkish|persian|farsi|urdu|bengali|tamil|nepali|indonesian|malay|thai|russian|polish|portuguese|serbian|croatian|macedonian|sinhalese|auslan|sign language';

/**
 * "do you guys do home visits?", "do u do gift vouchers", "can I pay with afterpay?": how the clinic runs, asked of the
 * clinic, which its details do not hold and the article does not cover (never a treatment's uses or an unlisted condition).
 * The thing follows the asking at once or after one word ("is there a better bus route I should take?" asks no clinic).
 */
const CLINIC_MATTER_ASKED = new RegExp(
  `^(hi |hey |hello |also |and |just wondering |quick question )*((do|does|can|could|will|would) (you|u|ya|yous|you guys|u guys|yous guys|you all|your clinic|the clinic|the practice|your practice|the practitioners?) (guys |all )?(do|offer|have|sell|take|accept|provide|run|give|allow|come|make)|(can|could|do|may) (i|we) (pay|use|get|buy|bring|have|book)|is there|are there|have you got|got any)( [a-z]+)? (${CLINIC_MATTERS})\\b`,
);

/** Whether a message asks how the clinic runs (home visits, vouchers, ways to pay, access), which its details do not hold. */
export function asksClinicMatter(text: string): boolean {
  return CLINIC_MATTER_ASKED.test(plainForm(text));
}

const DETAILS: Array<[ClinicDetail, RegExp]> = [
  ['unknown', new RegExp(`\\b(${CLINIC_MATTERS}|come to (me|my|our)|visit (me|my|our))\\b`)],
  [
    'openingHours',
    /\b(open|opening|close|closing|closed|hours|times|weekend|weekends|saturdays?|sundays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|public holidays?|after work|late|early|evenings?|mornings?)\b/,
  ],
  ['address', /\b(where|wheres|whereabouts|located|location|address|directions|find you|get there|suburb)\b/],
];

/**
 * The ways of reaching the clinic its details hold ("what's your number", "how do I get in touch", "can I book"): a
 * contact question naming none of them asks something else of the clinic ("do you do home visits?", "when is she
 * in?"), which the details do not answer.
 */
const CONTACT_MEANS =
  /\b(contact|contacts|details|phone|phones|number|numbers|call|calls|ring|email|emails|e mail|mail|reach|touch|hold|website|web|site|online|book|booking|bookings|appointment|appointments|message|text|sms|speak|talk|person|someone|somebody|human|staff|reception|receptionist|team|facebook|instagram|insta|socials|info|information|ask|who)\b/;

/** The clinic detail a contact question asks about, if it names one. */
export function askedDetail(text: string): ClinicDetail | undefined {
  const form = plainForm(text);
  const named = DETAILS.find(([, p]) => p.test(form))?.[0];
  if (named) return named;
  return CONTACT_MEANS.test(form) ? undefined : 'unknown';
}

/**
 * "how soon after the op can I start?", "is it safe for me to have dry needling while pregnant?": when or whether treatment
 * may start given the patient's circumstances, the clinic's to say.
 */
export const TIMING_ASKED =
  /\bhow (soon|long|quickly) after (the |my |his |her |an |a )?(op|operation|surgery|procedure|replacement|birth|baby|accident|injury|fracture|cortisone|injection) (can|could|should|would|will|do|am|is|are|before|until)\b|\b(too soon|too early|too late|soon enough|long enough|safe|ok|okay|alright) (for (me|him|her|them|us|someone|my \w+) )?to (start|begin|have|get|come in|book|try|do)( (it|needling|dry needling|acupuncture|treatment|sessions?|needles))?\b/;

/**
 * A session's details asked (how many needles, how long a session is, how often, bringing a child, how long until it is
 * better): not in the article.
 */
export const SESSION_DETAIL =
  /\bhow many (needles?|pins?|sessions?|treatments?|appointments?|visits?|times|goes|rounds)\b|\bhow (long|many weeks|many months) (until|till|til|before|will it take|would it take|does it take|do i need|would i need|will i need)\b|\bhow long (is|are|does|do|will|would|should) (a |the |one |each |my |your |every )?(session|sessions|appointment|appointments|treatment|treatments|visit|needles?|consult|consultation)\b|\bhow often\b|\bhow (deep|far) (do|does|are|is|will) (the |your |you |they )?(needles?|go|put|insert|stick)\b|\b(bring|take|book) (in )?(my|our|a) (\w+ )?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) ?(year|yr|month)s? ?old\b/;
