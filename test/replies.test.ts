/**
 * The floor on patients' own words: the held-out reply cases (test/heldout/patients-words*.json, written
 * independently of the training files from the article and the issue's themes, never trained on) run end to end
 * through the whole bot, as `npm run evaluate:replies` runs them. The floors are the figures reached when the
 * work on issue #12 was handed in; a change that answers fewer of them right fails here.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { checkTurn, readReplyCases, runReplyCases } from '../src/cli/replyCases';
import { clinic } from './helpers';

const HELDOUT = join(PROJECT_ROOT, 'test', 'heldout');

/**
 * Cases answered right when the floor was set (development set, then each test set run once at the end).
 * #12 reached 315 and 285 on its own; the safety triage of #11 cost 278 and 252 (ordinary aches told to call 000);
 * everyday complaints answered without that (docs/safety.md, "Everyday complaints") brought 310 and 276.
 * patients-words-test-2.json is a second independent test set (331 cases): 225 on main before, 239 with the safety
 * work, 250 once "which suits me" accepted described problems and "so which one?", 258 at the end (docs/understanding.md).
 * patients-words-test-3.json, a fourth author's set written while that work went on, was run once at its end: 205 of
 * 275 (main before it: 186). In session 3 all four sets were read and used for development (floors are guards only).
 * patients-words-test-4.json (a new author, session 3) was run once mid-session (main before: 264 of 346; then 301) and
 * then read; patients-words-test-5.json (another new author) was run once late in session 3: 270 of 308 (main
 * before: 233), then read; patients-words-test-6.json (a last new author) was run once at the end: 195 of 220 (main
 * before: 174). In session 4 all of these were read; patients-words-dev-2.json (330, a new author) was a development set
 * from the start (main before: 270), and patients-words-test-7.json (337, another new author) was run once at the end
 * and not read: 251 (main before: 249). In session 5 test-7 was read too (273 after unlisted conditions were said to be
 * "not on the list" plainly, the phrasing its author expected). patients-words-test-8.json (330, a new author) was run
 * mid-session 5 (281, the same as main before it) and then kept as a guard (figures seen, cases not read): 289 at the
 * end. patients-words-test-9.json (330, another new author) was run once at the end of session 5 and not read: 238 on
 * main before it, 265 after. In session 6 test-8 and test-9 were read; patients-words-test-11.json (332, a new author) was run
 * early and then read (276 on main mid-session); patients-words-test-10.json (330, another new author) was run once
 * late in session 6 (288 on main before the session, 298 after) and then read; patients-words-test-12.json (330, a
 * last new author) was run once at the end (287 before the session, 296 after). In session 7 test-12 was read;
 * patients-words-test-13.json (330, a new author) was run once on main at the start (303) and then read; and
 * patients-words-test-14.json (330, another new author) was run once on the final code and not read (291 on main before
 * the session, 293 after). In session 8 test-14's failures were read; patients-words-test-15.json (330, a new author) was
 * run on main at the start (296) and then read; patients-words-test-16.json (330, another new author) was run on main
 * at the start (297) and once on the final code (299), not read. In session 9 patients-words-test-17.json (330, a new
 * author) was run on main at the start (285) and then read; patients-words-test-18.json (332, another new author) was
 * run on main at the start (293) and once on the final code 25b3544 (297), not read. Floors are the figures at the end.
 * Session 10: a question about the list itself answered with "X isn't on the list; the list does include Y" counts as
 * answered (eight cases of five later authors expected that); two cases of the first two authors expected a decline for
 * the same reply, so their floors went down by one each (329 -> 328, 324 -> 323); and once more for the first author's
 * "frozen shoulder … is that on your list" (328 -> 327) when a body part asked about the list began to name the listed
 * condition of it ("The list does include Shoulder impingement syndrome"). patients-words-test-19.json and -20.json (330
 * each, two new authors) were run on main at the start (293, 295) and once on the final code without being read (297,
 * 295); patients-words-test-18.json was read in session 10 (297 -> 319).
 * Session 11: patients-words-test-21.json and -22.json (330 each, two new authors) were run on main at the start (298,
 * 303) and once on the final code without being read (299, 303). patients-words-dev-3.json (240, a new author: 80
 * which-suits, 80 follow-ups, 80 lay descriptions) is a development set, read: 170 at first sight, 194 at the end.
 * Session 12: patients-words-test-21.json and -22.json were read after their honest run (299 -> 316, 303 -> 310).
 * patients-words-dev-4.json (300, a new author: 50 each of follow-ups, several questions, partial matches, specific
 * facts, which-suits and social) is a development set, read: 250 at first sight (d8d38a5). patients-words-test-23.json
 * and -24.json (330 each, two new authors) were run on main at the start (d8d38a5: 301, 294) and once on the final
 * code without being read (303, 294). Floors everywhere are the figures at the end of the session.
 * Session 13: patients-words-test-23.json and -24.json were read after their honest run (303 -> 322, 294 -> 305); every
 * read set stayed at or above its floor (all read cases 8,485 -> 8,555). patients-words-test-25.json and -26.json (330
 * each, two new authors) were run on main at the start (ef3f669: 309, 302) and once on the final code without being read
 * (312, 306).
 * Session 14: patients-words-test-25.json and -26.json were read after their honest run (312 -> 325, 306 -> 327); every
 * read set stayed at or above its floor (all read cases 9,173 -> 9,253; one case lost, p12t255). patients-words-test-27.json and -28.json (330 each, two new authors) were run on main at the start
 * (47f5e4b: 305, 304) and once on the code of 5a3d132 without being read (309, 306), then read (315, 309).
 * Session 15: patients-words-test-29.json and -30.json (330 each, two new authors) were run on main at the start
 * (7dd8531: 313, 295) and once on the code of 7ed12e6 without being read (313, 295: not one case changed), then read
 * (316, 298).
 * Session 16: patients-words-test-31.json and -32.json (330 each, two new authors) were run on main at the start
 * (ad9638a: 312, 313) without being read, then read (325, 324); every earlier read set stayed at or above its floor (all
 * read cases 11,128 -> 11,185, none lost). patients-words-test-33.json and -34.json (two more new authors) were run without
 * being read on the start (310, 316) and on the round's code (5bdc160: 312, 318; none lost), then read (318, 323).
 * Session 17: patients-words-test-35.json and -36.json (330 each, two new authors) were run on main at the start
 * (a0824f5: 306, 308) without being read, then read (320, 319). patients-words-test-37.json and -38.json (two more new
 * authors) were run without being read on the start (314, 309) and on the round's code (774ed33: 314, 309, not one case
 * changed), then read (318, 312). Every earlier read set stayed at or above its floor (none lost).
 * Session 18: pair 39/40 read (304 -> 320, 309 -> 326). patients-words-test-41.json and -42.json (330 each, two new
 * authors) were run without being read on the start (73083c9: 307, 306) and on the round's code (96e9bf8 and fda5459:
 * 308, 309); read in session 19 (6215d75: 308, 309 -> 9eaa81a: 315, 321; the final code: 318, 324). Every read set stayed at or above its floor
 * (all read cases 14,394 -> 14,450, none lost).
 * Session 20: patients-words-test-47.json and -48.json (330 each, two new authors of this session) were run without being
 * read on the start (fdb2c11: 305, 307), then read (321, 323). Every read set stayed at or above its floor, and the floors
 * are raised to the figures after (all read cases 15,062 -> 15,100 of 15,588, none lost).
 * Session 21: patients-words-test-49.json to -52.json (four new authors of session 20) were run without being read on
 * session 20's start and final code and on this session's start (8d3b201: 304, 310, 303, 303), then read (312, 318, 314,
 * 315; all read cases 16,320 -> 16,372 of 16,908, none lost).
 * Session 22: patients-words-test-53.json and -54.json (two new authors of session 21) were run without being read on
 * session 21's start and final code and on this session's start (72012e3: 304, 309), then read (318, 317; 319, 319 after the second batch). Every earlier
 * read set stayed at or above its floor (all of them 16,372 -> 16,379 of 16,908 over both batches, none lost); the floors are raised to
 * what the code now reaches. patients-words-test-55.json and -56.json (two new authors of this session) were run unread on
 * the start (72012e3: 298, 314) and on the round's first code (0557158: 299, 314), then read (307, 317).
 * Session 24: patients-words-test-57.json and -58.json (p58t, p59t of session 22) were run unread on session 22's code
 * and on this session's start (660816c: 304, 299, the same cases), then read (313, 310). Every earlier read set stayed
 * at or above its floor (all read cases 18,244 -> 18,271 of 18,888, none lost).
 * Session 25: patients-words-test-59.json and -60.json (p60t, p61t of session 24) were run unread on session 24's start
 * and final code and on this session's start (6072a71: 304, 309, the same as session 24's final run), then read (323,
 * 321). Every earlier read set stayed at or above its floor (all read cases 18,271 -> 18,288 of 18,888, none lost).
 * Session 26: patients-words-test-61.json and -62.json (p62t, p63t of session 24) were run unread on session 25's start
 * (6072a71: 309, 299) and on its code after pair 59/60's kinds (309, 302), read for safety's kinds late in session 25,
 * and for the replies' kinds in session 26 (2adccdb: 309, 302 -> 314, 316). All read and unread cases 19,543 -> 19,574
 * of 20,208, none lost.
 * Session 27: patients-words-test-65.json (p66t, session 26) was run unread on session 26's start and final code (312,
 * 312) and then read (fa3ff34: 312 -> 325). All read cases 19,574 -> 19,602 of 20,208 (four of the oldest set lost: it
 * wants gout and rheumatoid arthritis declined, newer authors want inflammation named).
 * patients-words-test-66.json (p67a, p67c, p68a, written in session 27) was run unread on the session's start and on its
 * code after set 65's kinds (310, 310, the same cases), then read (313).
 * Session 28: patients-words-test-67.json (p68b) and -68.json (p67b), written in session 27, were run unread on its
 * start (96, 97), mid-session (95) and final code (97, 99, the same as this session's start), then read (108, 108).
 * patients-words-test-69.json (p69b) and -71.json (p69c), written in session 28 from the brief only, were run unread on
 * its start (c779ead: 105, 99) and on its code after sets 67/68's kinds (105, 99, the same cases), then read (110, 106).
 * patients-words-test-72.json (p70a, written late in session 28) was run unread on the start and on a0e74c9 (101, 101),
 * then read (106).
 * Session 29: patients-words-test-70.json (p69a) and -73.json (p70b), written in session 28, were run unread on its start
 * (108, 106), mid-session and final code (108, 108) and on session 29's start (7fda498: 108, 108), then read (110, 109).
 * patients-words-test-74.json (p71b, written in session 29 from the brief only) was run unread on the start and after
 * sets 70/73's kinds (101, 101), then read (109).
 * patients-words-test-78.json (p72b, written mid-session 29) was run unread on the start and on 152733c (92, 92), then
 * read (101).
 * Session 30: patients-words-test-75.json (p71c), -76.json (p71a) and -77.json (p72a), written in session 29, were run
 * unread on its start and final code and on session 30's start (fd999cb: 104, 106, 105), then read (109, 109, 109).
 * patients-words-test-81.json (p73c, written in session 30 from the brief only) was run unread on the start and after
 * sets 75-77's kinds (91, 91), then read (99). patients-words-test-79.json (p73b) was run unread on the start and after
 * sets 75-77 and 81's kinds (98, 99, 99), then read (105).
 * Session 31: patients-words-test-82.json (p74b, older and non-native writers) and -83.json (p74c, short phone messages
 * and multi-turn), written in session 31 from the brief only, were run unread on the start (ef37908: 105, 104), then
 * read (110, 108). patients-words-test-86.json (p75b, complaints described in detail, often for a family member) was run
 * unread on the start and after sets 82/83's kinds (99, 99), then read (107).
 * Session 32: patients-words-test-87.json (p76b, young people texting: SMS spellings, problems told by the activity),
 * written in session 32 from the brief only, was run unread on the start (72811cb: 98), then read (110).
 * patients-words-test-88.json (p76a, older and second-language writers) was run unread on the start and after set 87's
 * kinds (95, 95), then read late in session 32 (100; ten cases still fail: follow-ups, unlisted conditions told at
 * length, "internal ailments" asked about).
 * Session 33: patients-words-test-91.json (p78a, two- and three-turn conversations with personal context), written in
 * session 33 from the brief only, was run unread on the start (ddadcac: 96), then read (106; four still fail: "not
 * even under the osteoarthritis one?" after gout, "mig+aines", a pulled muscle put to the which-suits answer, a
 * pregnancy question answered with the hips).
 * patients-words-test-93.json (p79a, careful readers and sceptics asking about the article's details), written
 * mid-session 33 from the brief only, was run unread on the start and on 1c92bce (105, 105, the same five), then read
 * (110).
 * Session 35: patients-words-test-94.json (p81, jobs and hobbies, sceptical or anxious about needles, rambling), written
 * late in session 34 from the brief only, was run unread on session 34's start and final code (92, 92, the same ids),
 * then read (108; two still fail: a jaw told with exam stress answered with stress management too, a wrist injury
 * that wants a doctor first).
 * patients-words-test-95.json (p83, the same brief and leaning as p81), written at session 34's end, was run unread on
 * its final code (94) and on 2f7302e (97: p83051, p83097, p83098 gained by set 94's kinds), then read (102).
 * Session 36 fixed the kinds of six of its remaining eight (108).
 * patients-words-test-98.json (p86, sporty people, shift workers and nurses, careful comparers, long emails), written
 * in session 36 from the brief only, was run unread on its start (105), mid-session and final code (106, the same
 * ids), then read in session 37 and its four kinds fixed (110): exercise-induced asthma asked about (no emergency),
 * lying wide awake after a run of night shifts (insomnia, no running injury), the price of "a course of that", and ice
 * or heat with a painkiller after a sprain (both declined as advice, no "Yes" about sprains).
 * patients-words-test-99.json (p87, parents, second-language writers, people treated elsewhere before, sceptics,
 * commuters, retirees), written in session 37 from the brief only, was run unread on its start (42aeb78) and on
 * 1109e36 (100/110 both, the same ids), then read (107): whether it is a machine asked indirectly or in a learner's
 * English, praise met with gladness, "is 14 too young for it?", "something traditional … more balanced overall",
 * "whether it comes from China like acupuncture", evidence that needling "does anything for tinnitus". Left: an
 * Achilles question beside needling "before" for the hamstrings (the clinic tier first), a sprain's trace treatment
 * after acupuncture is named, "help with the mind" (read as an unlisted "mind").
 * Session 38: patients-words-test-100.json (p88), written at the session's start from the brief only, was run unread on
 * the start (286b920) and on its first code (108/110 both, the same ids), then read (110): what the writer already
 * knows of the list told before the question ("I know you list osteoarthritis but what about gout?": no "Yes" about
 * osteoarthritis), where an acupuncturist puts the needles (its theory, not "not covered").
 * patients-words-test-102.json (p90, tradespeople, teenagers and parents, second-language writers, older people on
 * tablets, people treated elsewhere, sceptics), written in session 38 from the brief only and read at once (a
 * development set; its run on the start, text hidden: 92/110), then 104: a parent's account of a child's jaw ("her jaw
 * has started clicking … aches in front of her ears": TMD), a torn hamstring told by a parent, "you are doctor or
 * machine?", kind words that set the bot above another clinic, "the same thing with two different names", "would dry
 * needling be a better fit" after acupuncture talk of energy, two complaints in one sentence, blood "pumping through the
 * muscle" and "I faint at blood tests" (both emergency guidance before), fibromyalgia told as aches all over with
 * tender spots on named joints, "my big toe joint has gone the same way", "the list, not the dry needle one". Left:
 * "what about the opposite side, the inside bit? my offsider's got that from the rattle gun" (tennis elbow by the rattle
 * gun), "so it is yes, you treat this one?" after back pain down the leg the doctor called the sciatic nerve (answered as
 * lower back pain first), "in my country we do acupuncture" told beside the question, a mechanism for the gut, a bruise
 * after needling elsewhere (the clinic tier), "Yes" to a listed condition its author wanted without one.
 * Session 39: patients-words-test-104.json (p92, older people, second-language writers, sceptics, long stories with the
 * question at the end), written at the session's start from the brief only and read at once (a development set; its run
 * on the start, 8216a6c, text hidden: 104/110), then 109: a husband's Bell's palsy of three weeks, seen by the doctor
 * (emergency guidance alone before), an aunt's claim that "the Chinese needles" are for the inside and "the other kind"
 * for muscles with "is she right?", "is dry needling a kind of Chinese medicine as well, or does it come from somewhere
 * else?", fish oil told as tried in a long story (medicine advice declined before), what happens to a knot "when it
 * releases". Left: a pulled muscle in the lower back beside "I don't buy the energy and meridian stuff … which one's for
 * me?" (the conditions' list answered, without "Western").
 * patients-words-test-106.json (p94, shift workers, farmers, students, grandparents, second-language writers, people
 * needled elsewhere), written in session 39 from the brief only and read at once (its run on the start, text hidden:
 * 103/110), then 108: an Achilles complaint beside needling "a few years back" (the clinic tier before), a numbered
 * list with "Is it painful" (the clinic tier), gout "in me big toe again … every year after shearing" (answered with
 * when dry needling was developed), "is there somebody actually reading what I type?", "hows your day going" after a
 * night shift. Left: a gift voucher asked for a grandson "always complaining about his back" (the back answered too),
 * a bruise "gone yellow" after needling elsewhere (the clinic tier, as the tier table has it).
 * patients-words-test-107.json (p95, nurses and aged-care workers, new parents, gym regulars, formal retirees,
 * teenagers, long medical histories, two languages mixed), written late in session 39 and read at once (its run on the
 * start, text hidden: 98/110), then 105: the "outside bony bit" of an elbow beside gym grip cues (golfer's elbow before),
 * "Is this a condition your clinic addresses?" (the clinic's address), "good, is it covered on my DVA gold card?" (the
 * hip again), "used more and more for certain modern problems. Which ones?" (which suits), and three benign turns the
 * safety classifier gave crisis guidance first ("what cycle?", retraining "how I hold myself", "bub finally asleep").
 * Left: knee soreness six weeks after an arthroscopy (knee pain answered, not post-surgical pain), chronic upper back
 * pain in Spanish and English (which suits, without "chronic pain"), a formal letter asking "whether" twice (the rebate
 * part lost), "can u needle a jaw that clicks" (a question back), pregnancy and hips (its author wanted only declined).
 * Session 40: four sets written from the brief only and read as development sets after a run on the start (11b3f37, text
 * hidden, test/unread/runs/s40-start-*): patients-words-test-109.json (p97, athletes, gym-goers, tradies, nurses,
 * second-language writers) 104/110, -110.json (p98, office workers, students, sceptics, writers for a partner or parent)
 * 106, -111.json (p99, rural writers, migrants writing in a second language, carers of elderly parents) 101, -112.json
 * (pa0, musicians, hairdressers, chefs, drivers, new mums, teenagers, voice typing) 103; then 109 each: "Not my upper
 * back … around where my belt sits" (unlisted before), magnesium asked "— what's the connection?" after cramps told,
 * "energy flow … Which one of yours does that?" and "is there one that's more scientific / western?" (a question back
 * before), "a real physio answering or some AI thing?", "if there's a human reading these messages", "should I keep
 * training on it with tape or rest it" and "should I stop taking it" after a medicine named (a plain "Yes" or a passage
 * before), "golfer's elbow" beside pruning (tennis elbow before), "she says it is like a knife under the heel" (unlisted
 * before), "how old does my daughter need to be" (when dry needling was developed), thanks "to an old man" and "better
 * than waiting on the phone", "which one should i do" after two problems, "plant are fashy itis", a long story ending
 * "so basically what's the difference…??", and three benign turns given guidance first by the safety classifier ("ok bye
 * now, take care", a croaky voice, a migraine's light-sensitive eyes). Left: a TMD question whose stress is told as the
 * cause in a sentence of its own (stress management added), knee pain after an ACL reconstruction (knee pain answered,
 * not post-surgical pain), a pelvis broken twenty years ago (hip pain, not chronic pain), Osgood-Schlatter below the
 * kneecap after basketball (sports injuries, not knee pain).
 * patients-words-test-108.json (p96, busy parents and shift workers on phones, some retirees), written at session 40's
 * start and kept unread through the session (105/110 on the start and on the final code of that work, the same ids),
 * then read late in the session: a truckie's long story "… Mate at the depot had the needles done for his back … anyway
 * long story short would the needles help my neck and the headaches" (the mate's back answered, a stroke note for a
 * "right side going up into the back of my head", and the clinic tier), "golfers elbow … can u needle it" (declined),
 * "much easier to deal with than the last clinic's website 😂" (off-topic), gift vouchers beside a mum "wanting to try
 * acupuncture" (its definition added), "Will I bruise after dry needling?" (the clinic tier); now 109. Left: the
 * truckie's story still gets the clinic tier first (the mate's session is read as the writer's; an 'unless' for someone
 * else's recommended session was tried and dropped: it voided the writer's own soreness told beside a sister's praise).
 * Session 41: four sets written from the brief only and read as development sets after a run on the start (0677df4, text
 * hidden): -114.json (pa2, elderly and second-language writers, questions buried in long messages) 100/110, -115.json
 * (pa3, phone typists: SMS, misspellings, voice-to-text, emoji) 103, -116.json (pa4, writers for someone else, hedged
 * questions) 101, -117.json (pa5, tradies, gym-goers, sceptics in slang) 103; then 102, 108, 105, 105. Fixed: the safety
 * classifier's crisis line for "Not sure if this is the right place to ask, but … meridian lines" and for thanks "for
 * being so patient", "fix my eyes so i dont need glasses anymore"; "the bottom of her heel is agony" (a part of three
 * words with someone else's owner inside it was no complaint; "she says the bottom of her heel…" a diagnosis told);
 * "is this like chatgpt", "lol ur not a robot r u", "gn cya", "omg 10/10"; a grandmother's hello with "no particular
 * question yet", a helper announcing "she has some questions for you in a minute"; asthma asked about with its puffers
 * or its habit (emergency first before, now the answer and the safety-net line); "deadlift sessions" (read as needling
 * sessions); a neighbour's happy session (read as the writer's, urgent care for sciatica). Left: a meridian chart
 * "with lines drawn all over a body" (fibromyalgia's "all over"), "those knots in the muscles hold on to" (myofascial
 * pain's alias), a mechanism asked after "sticking needles in me", waking "at three in the morning … until dawn"
 * (insomnia's cues are not enough without its name), tinnitus asked beside "the Chinese methods", a follow-up "why it
 * hurts so much?", "on blood thinners. Is it safe…" (the clinic tier first), a mum who "cant lift her arm up to hang the
 * washing" beside "shoulder impingement??" (emergency first, the classifier's), a stress-tight chest (emergency alone).
 * patients-words-test-118.json (pa6, everyday writers of all ages, questions implied), written at session 41's start and
 * kept unread through its first round (106/110 on the start and after it, the same ids), then read: an Achilles stiff
 * "after Saturday parkrun" (the day read as a session's), hay fever a mum "always had acupuncture for", exam nerves
 * with a racing heart "every time I sit down to study" (emergency alone); now 109. Left: "How can a needle in my hand or
 * foot do anything for my stomach? They're nowhere near each other." (digestive issues answered, not the nerve signalling).
 * Session 42: patients-words-test-119.json (pa7, session 41's late unread set: 102/110 on session 41's final code and on
 * session 42's start, 4028fb2, the same ids), then read: 108. -120.json (pa8, anxious first-timers who ramble, the
 * question buried) and -122.json (pa10, chat shorthand, loose descriptions), written at session 42's start, run on the
 * start with the text hidden (80, 101), then read: 96, 108 (docs/understanding.md, "Fortieth round"). -121 (pa9) stays
 * unread in test/unread/.
 * Session 43: -121 (pa9, session 42's unread set: 100/110 on its final code and on session 43's start, 00d5e38, the same
 * ids), then read: 108. -124 (pa12, writers of other first languages and their adult children) and -125 (pa13, working
 * Australians in slang), written at session 43's start, run on the start with the text hidden (95, 108), then read: 110,
 * 110 (docs/understanding.md, "Forty-first round"). -123 (pa11, voice-to-text) stays unread in test/unread/. Later in the
 * session -127 (pa15, conversations that react to the last answer) and -128 (pa16, people writing for someone else) were
 * written, run on the start with the text hidden (97, 103), then read: 105, 110. -126 (pa14) stays unread for session 44.
 * Session 44: -123 (pa11, voice-to-text, kept unread through session 43: 102/110 on its final code and on session 44's
 * start, e7dd379, the same ids), then read: 110. -129 (pa19, long-standing and several complaints, carers) and -130 (pa17,
 * sceptical and anxious first-timers), written at session 44's start, run on the start with the text hidden (103, 100),
 * then read: 109, 110 (docs/understanding.md, "Forty-second round"). -126 (pa14, kept unread through session 43: 104 on
 * its final code and on session 44's start and mid-session code, the same ids) was read late in session 44: 109. -131
 * (pa18, a broad everyday mix) stays unread in test/unread/.
 */
const FLOORS: Record<string, number> = {
  // (331 until session 27: four of its cases want gout and rheumatoid arthritis only declined; the inflammation the
  // article names is now said beside the honest "not on the list", as eleven cases of newer authors want)
  // (327 until session 37: p079, months of mid-back pain, wants only "declined"; the article's musculoskeletal
  // conditions and chronic pain said beside the honest "not on the list" is now a partial answer, as 15 cases of nine
  // newer, independent authors want)
  'patients-words.json': 326,
  'patients-words-test.json': 330,
  'patients-words-test-2.json': 327,
  'patients-words-test-3.json': 267,
  'patients-words-test-4.json': 342,
  'patients-words-test-5.json': 302,
  'patients-words-test-6.json': 216,
  'patients-words-dev-2.json': 317,
  'patients-words-test-7.json': 323,
  'patients-words-test-8.json': 315,
  'patients-words-test-9.json': 317,
  'patients-words-test-10.json': 326,
  'patients-words-test-11.json': 320,
  'patients-words-test-12.json': 320,
  'patients-words-test-13.json': 326,
  'patients-words-test-14.json': 317,
  'patients-words-test-15.json': 322,
  'patients-words-test-16.json': 317,
  'patients-words-test-17.json': 312,
  'patients-words-test-18.json': 321,
  'patients-words-test-19.json': 316,
  'patients-words-test-20.json': 319,
  'patients-words-test-21.json': 322,
  'patients-words-test-22.json': 320,
  'patients-words-dev-3.json': 216,
  'patients-words-dev-4.json': 277,
  'patients-words-test-23.json': 326,
  'patients-words-test-24.json': 321,
  'patients-words-test-25.json': 328,
  'patients-words-test-26.json': 329,
  'patients-words-test-27.json': 317,
  'patients-words-test-28.json': 320,
  'patients-words-test-29.json': 321,
  'patients-words-test-30.json': 305,
  'patients-words-test-31.json': 326,
  'patients-words-test-32.json': 325,
  'patients-words-test-33.json': 323,
  'patients-words-test-34.json': 326,
  'patients-words-test-35.json': 323,
  'patients-words-test-36.json': 321,
  'patients-words-test-37.json': 320,
  'patients-words-test-38.json': 314,
  'patients-words-test-39.json': 321,
  'patients-words-test-40.json': 326,
  'patients-words-test-41.json': 318,
  'patients-words-test-42.json': 324,
  'patients-words-test-47.json': 321,
  'patients-words-test-48.json': 324,
  'patients-words-test-49.json': 313,
  'patients-words-test-50.json': 318,
  'patients-words-test-51.json': 315,
  'patients-words-test-52.json': 316,
  'patients-words-test-53.json': 319,
  'patients-words-test-54.json': 319,
  'patients-words-test-55.json': 307,
  'patients-words-test-56.json': 317,
  'patients-words-test-57.json': 313,
  'patients-words-test-58.json': 310,
  'patients-words-test-59.json': 323,
  'patients-words-test-60.json': 321,
  'patients-words-test-61.json': 314,
  'patients-words-test-62.json': 318,
  'patients-words-test-65.json': 325,
  'patients-words-test-66.json': 316,
  'patients-words-test-67.json': 108,
  'patients-words-test-68.json': 108,
  'patients-words-test-69.json': 110,
  'patients-words-test-71.json': 106,
  'patients-words-test-72.json': 106,
  'patients-words-test-70.json': 110,
  'patients-words-test-73.json': 109,
  'patients-words-test-74.json': 109,
  'patients-words-test-78.json': 102,
  'patients-words-test-75.json': 109,
  'patients-words-test-76.json': 109,
  'patients-words-test-77.json': 109,
  'patients-words-test-81.json': 99,
  'patients-words-test-79.json': 105,
  'patients-words-test-82.json': 110,
  'patients-words-test-83.json': 108,
  'patients-words-test-86.json': 107,
  'patients-words-test-87.json': 110,
  'patients-words-test-88.json': 100,
  'patients-words-test-91.json': 106,
  'patients-words-test-93.json': 110,
  'patients-words-test-94.json': 108,
  'patients-words-test-95.json': 108,
  'patients-words-test-98.json': 110,
  'patients-words-test-99.json': 107,
  'patients-words-test-100.json': 110,
  'patients-words-test-102.json': 104,
  'patients-words-test-104.json': 109,
  'patients-words-test-106.json': 108,
  'patients-words-test-107.json': 105,
  'patients-words-test-108.json': 109,
  'patients-words-test-109.json': 109,
  'patients-words-test-110.json': 109,
  'patients-words-test-111.json': 109,
  'patients-words-test-112.json': 109,
  'patients-words-test-114.json': 103,
  'patients-words-test-115.json': 109,
  'patients-words-test-116.json': 108,
  'patients-words-test-117.json': 106,
  'patients-words-test-118.json': 109,
  'patients-words-test-119.json': 108,
  'patients-words-test-120.json': 96,
  'patients-words-test-122.json': 108,
  'patients-words-test-121.json': 108,
  'patients-words-test-124.json': 110,
  'patients-words-test-125.json': 110,
  'patients-words-test-127.json': 105,
  'patients-words-test-128.json': 110,
  'patients-words-test-123.json': 110,
  'patients-words-test-126.json': 109,
  'patients-words-test-129.json': 109,
  'patients-words-test-130.json': 110,
  'patients-words-test-132.json': 110,
  'patients-words-test-134.json': 109,
  'patients-words-test-135.json': 108,
  'patients-words-test-136.json': 102,
  // Session 47: pa25 (people in pain and fed up, venting late at night; kept unread through session 46: 95 on its start
  // and final and on session 47's start) and pa27 (sceptics and returning patients; 98 on session 47's start), read.
  'patients-words-test-137.json': 107,
  'patients-words-test-139.json': 107,
  // Session 48: pa28 (a broad everyday mix; kept unread through session 47: 101 on its start and final and on session 48's
  // start) and pa29 (older writers and writers whose first language is not English; 100 on session 48's start), read.
  'patients-words-test-140.json': 109,
  'patients-words-test-141.json': 109,
  // Session 49: pa32 (anxious or sceptical first-timers who tried other therapies and tell their story first; 103 on
  // session 49's start), read.
  'patients-words-test-144.json': 109,
  // Session 49: pa21 (polite, hedged and indirect writers; kept unread since session 45, 102 at every run), read.
  'patients-words-test-133.json': 108,
  // Session 50: pa34 (office and remote workers' shorthand, several questions at once; 99 on session 50's start), read.
  'patients-words-test-146.json': 107,
  // Session 50 (second part): pa35 (people who skimmed the article and paraphrase it back, topics carried across turns;
  // 101 on session 50's start and on the mid-session code, the same ids), read.
  'patients-words-test-147.json': 108,
  // Session 50 (third part): pa33 (tradespeople and manual workers, blunt Australian slang; 105 on session 50's start and
  // on the mid-session code, the same ids), read.
  'patients-words-test-145.json': 108,
  // Session 51: pa37 (healthcare workers' clinical shorthand: pt, hx, LBP, L) for left; 105 on session 51's start) and
  // pa38 (people who tried other therapies and compare; 100 on the start), read.
  'patients-words-test-149.json': 110,
  'patients-words-test-150.json': 110,
  // Session 51 (second part): pa40 (anxious, needle-nervous writers who apologise and bury the question; 104 on session
  // 51's start and on the mid-session code, the same ids), read.
  'patients-words-test-152.json': 108,
  // Session 52: pa41 (long rambling stories with the question buried or tacked on; 100 on session 52's start) and pa42
  // (needle-shy writers typing fast on a phone; 103 on the start), read.
  'patients-words-test-153.json': 109,
  'patients-words-test-154.json': 110,
  // Session 53: pa44 (half-remembered and mixed-up names of treatments and conditions; 98 on session 53's start) and pa45
  // (what a friend, relative or workmate had or said, compared with the writer's own problem; 96 on the start), read.
  'patients-words-test-156.json': 104,
  'patients-words-test-157.json': 102,
  // Session 54: pa47 (voice-to-text dictation: names split into ordinary words, punctuation spoken; 99 on session 54's
  // start) and pa48 (sceptics and comparison shoppers asking for evidence and pushing back; 100 on the start), read.
  'patients-words-test-159.json': 110,
  'patients-words-test-160.json': 109,
};

describe('replies to patients’ own words (held-out cases, whole bot)', function () {
  this.timeout(120_000);
  for (const [file, floor] of Object.entries(FLOORS)) {
    it(`${file}: at least ${floor} cases answered right`, async () => {
      const cases = readReplyCases(join(HELDOUT, file));
      const results = await runReplyCases(clinic(), cases);
      const passed = results.filter((r) => r.passed).length;
      expect(passed, `${passed}/${cases.length}`).to.be.at.least(floor);
    });
  }

  it('the checker fails a reply with the wrong outcome, a missing fact or a forbidden claim', () => {
    const reply = { replies: [], traces: [], text: 'Yes. It will cure it.', recognition: undefined };
    const problems = checkTurn(
      { outcome: ['declined'], mustInclude: [['digestive']], mustNotMatch: ['^yes\\b'] },
      { ...reply, recognition: { outcome: 'answered' } as never },
    );
    expect(problems).to.have.length(3);
  });
});
