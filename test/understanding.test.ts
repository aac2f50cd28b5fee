/**
 * Understanding patients' own words (issue #12), through the whole bot: conditions from descriptions, the
 * article's concepts implying the treatment, the passage that answers, honest partial matches, several
 * questions at once, messaging style, "which suits me" using what it was told, and placeholder clinic details.
 * The messages here are written for these tests; the held-out case files are never used to build the bot.
 */
import { expect } from 'chai';
import type { RunningApp } from '../src/app';
import { Conversation, startTestApp } from './helpers';

async function say(text: string) {
  return new Conversation().say(text);
}

/** Each text's reply, each in a fresh conversation, with the text it answers. */
async function repliesTo(texts: readonly string[]) {
  const out: Array<readonly [string, Awaited<ReturnType<typeof say>>]> = [];
  for (const text of texts) out.push([text, await say(text)]);
  return out;
}

/** The reply to `next`, said in a fresh conversation right after `first`. */
async function afterSaying(first: string, next: string) {
  const c = new Conversation();
  await c.say(first);
  return c.say(next);
}

describe('understanding patients’ own words', () => {
  describe('conditions from descriptions', () => {
    it('"inflamed" says how a described body part feels: the described listed condition comes first ("inflamed tendon above my heel": Achilles)', async () => {
      const r = await say('the tendon just above my heel is inflamed, would needling do anything?');
      expect(r.text).to.match(/Achilles tendinopathy/);
    });

    it('the bottom of the spine and a stiff back are the lower back', async () => {
      for (const text of ['the bottom of my spine has ached for years, can you help?', 'my back gets so stiff, is dry needling any good for that']) {
        const r = await say(text);
        expect(r.recognition?.condition, text).to.equal('Chronic lower back pain');
      }
    });

    it('surgery on a body part ("had knee surgery", "my shoulder op") is post-surgical pain, not the body part\'s condition', async () => {
      for (const text of ['had back surgery in the spring, can needling help the pain?', 'my ankle op was a month ago and it still throbs']) {
        const r = await say(text);
        expect(r.recognition?.condition, text).to.equal('Post-surgical pain');
      }
    });

    it('knots or trigger points in a body part no listed condition covers ("knots between my shoulder blades", "upper back") are myofascial pain syndrome, not an unlisted upper back', async () => {
      const r = await say('got knots all through my upper back, would needling sort them?');
      expect(r.recognition?.condition).to.equal('Myofascial pain syndrome');
      const t = await say('my massage therapist found trigger points in my upper back. worth trying dry needling?');
      expect(t.text).to.not.include('“upper back” isn’t on the list');
      expect(t.text).to.match(/trigger points/);
      // Without knots, the upper back is still said to be unlisted; a question about knots is still about the article.
      expect((await say('my upper back aches from sitting all day, can you help?')).text).to.include('“upper back” isn’t on the list');
      expect((await say('what actually happens to a knot when it is needled?')).recognition?.condition).to.equal(undefined);
    });

    it('forearms and wrists sore from doing the same motion all day are repetitive strain, not tennis elbow', async () => {
      const r = await say('twenty years of sewing and my wrists and forearms ache from the same motion over and over, would dry needling help?');
      expect(r.recognition?.condition).to.equal('Repetitive strain injuries');
    });

    it('a condition whose body parts the message names more of wins a tie ("forearm and wrist ache from the mouse": repetitive strain)', async () => {
      const r = await say('my forearm and wrist ache from the mouse, anything you can do?');
      expect(r.recognition?.condition).to.equal('Repetitive strain injuries');
    });

    it('what someone else says they do ("my wife says I clench my teeth") still describes the listed condition', async () => {
      const r = await say('my jaw gets stuck when I open wide, my husband says I grind my teeth in my sleep. can you help?');
      expect(r.recognition?.condition).to.equal('Temporomandibular joint disorder (TMD)');
    });

    it('not being able to fall asleep is insomnia, answered as the article says, whatever else the question could be', async () => {
      let r = await say('I lie there for hours and just cannot fall asleep, would acupuncture be any good?');
      expect(r.text)
        .to.include('insomnia')
        .and.not.match(/isn’t on the list/);
      r = await say('does acupuncture help if i hardly sleep');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('insomnia');
    });

    it('a torn hamstring or calf is a muscle strain, and "would it speed things up" is never answered with a yes', async () => {
      let r = await say('tore my calf at netball last week, would dry needling speed things up?');
      expect(r.text)
        .to.include('Muscle strains and sprains')
        .and.not.match(/^\s*yes/i);
      r = await say('felt something go in my hamstring when I lifted a heavy couch, still tight and sore, can needling help?');
      expect(r.recognition?.condition).to.equal('Muscle strains and sprains');
    });

    it('a listed name with a diagnosis word in it ("achilles tendonitis") is that condition, not a narrower one', async () => {
      const r = await say('can dry needling help achilles tendinitis');
      expect(r.text).to.match(/^Yes/).and.include('Achilles tendinopathy');
    });

    it('a body part with a symptom and its context names the listed condition in the trace', async () => {
      const r = await say('the bottom of my heel is agony when I first stand up in the morning, would dry needling help');
      expect(r.recognition?.condition).to.equal('Plantar fasciitis');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('Plantar fasciitis').and.not.match(/^yes/i);
    });

    it('a hand that "goes to sleep" is carpal tunnel, not insomnia; "I can\'t go to sleep" is still sleep', async () => {
      let r = await say('my hand keeps going to sleep when I hold the steering wheel and I drop my keys, can dry needling help?');
      expect(r.recognition?.condition).to.equal('Carpal tunnel syndrome');
      r = await say('I can never get to sleep, would acupuncture help?');
      expect(r.text).to.include('insomnia');
    });

    it('numb, tingling fingers at night are carpal tunnel syndrome, not a generic hand complaint', async () => {
      const r = await say('my fingers keep going numb and tingly and it wakes me up at night, can you help with that');
      expect(r.recognition?.condition).to.equal('Carpal tunnel syndrome');
    });

    it('what a clinician told them in part names the condition ("the fascia thing"), unless it names another body part', async () => {
      let r = await say(
        'first steps out of bed it feels like walking on broken glass, bottom of my heel. podiatrist said its the fascia thing. can dry needling do anything for it',
      );
      expect(r.recognition?.condition).to.equal('Plantar fasciitis');
      r = await say('my fingers go numb at night, the GP mentioned something about a nerve in the wrist. do you do anything for that?');
      expect(r.recognition?.condition).to.equal('Carpal tunnel syndrome');
      r = await say('Neck pain with pins and needles down my arm into my fingers. They said it is a pinched nerve in the neck.');
      expect(r.recognition?.condition).to.not.equal('Carpal tunnel syndrome');
      expect(r.text).to.include('Neck pain');
    });

    it('the upper back is never taken for the lower back: it is said to be unlisted, with no yes, and with what the article does say (musculoskeletal conditions), a partial answer', async () => {
      const r = await say('my upper back aches after a day at work, does dry needling help');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/isn’t on the list/);
      expect(r.text).to.match(/musculoskeletal conditions/);
      expect(r.text).to.not.match(/\byes\b/i);
      expect(r.text).to.not.include('lower back');
      expect(r.text).to.include('upper back');
    });

    it('pain after an operation is post-surgical pain, whichever body part was operated on', async () => {
      for (const t of ['can needling help the pain after my shoulder surgery', 'I had my appendix out six weeks ago and the area is still sore']) {
        const r = await say(t);
        expect(r.recognition?.condition, t).to.equal('Post-surgical pain');
      }
      const plain = await say('my shoulder hurts when I reach up to the top shelf');
      expect(plain.recognition?.condition).to.equal('Shoulder impingement syndrome');
    });

    it('a broader word in passing does not hide the condition described ("throbbing head behind one eye that makes me queasy")', async () => {
      const r = await say('throbbing pain behind my eye every month that makes me queasy, do you treat that');
      expect(r.recognition?.condition).to.equal('Migraine and tension-type headaches');
      const gut = await say('my stomach is queasy and unsettled most days, is that something acupuncture does');
      expect(gut.recognition?.outcome).to.equal('answered');
      expect(gut.text)
        .to.include('digestive issues')
        .and.not.match(/^\W*yes\b/i);
    });

    it('a follow-up about another body part ("what about the neck, always stiff too") names its condition', async () => {
      const r = await afterSaying('do you use needles for jaw pain, i grind my teeth', 'what about the neck, thats always stiff too');
      expect(r.recognition?.condition).to.equal('Neck pain and tension headaches');
      const alias = await say('is lateral epicondylitis the same as tennis elbow?');
      expect(alias.text).to.include('Tennis elbow (lateral epicondylitis)');
    });

    it('a named diagnosis of a specific listed condition’s body part is unlisted, not the listed condition', async () => {
      const r = await say('my specialist said I have a bone spur in my ankle that rubs, would needling help');
      expect(r.recognition?.outcome).to.equal('fallback');
      // the diagnosis is what is unlisted; the listed condition of that body part is only named as not the same thing
      expect(r.text).to.match(/^“bone spur” isn’t on the list/);
      expect(r.text).to.not.match(/Ankle sprains” is one of/);
      const frozen = await say('my GP says I have a frozen shoulder, is that the shoulder one on your list?');
      expect(frozen.text)
        .to.match(/“frozen shoulder” isn’t on the list/)
        .and.include('which is not the same thing');
      const ra = await say('is rheumatoid arthritis on your list?');
      expect(ra.text).to.include('The list does include “Osteoarthritis”, which is not the same thing');
    });

    it('tender lumps that send pain elsewhere when pressed are myofascial pain syndrome, even in the upper back', async () => {
      for (const t of [
        'ropey lumps across my upper back and when I press one the pain spreads up my neck, been like this for months. can you help?',
        'tender knotty spots in my forearm muscles that send pain into my hand when pressed, is that something dry needling treats?',
      ]) {
        const r = await say(t);
        expect(r.text, t)
          .to.include('Myofascial pain syndrome')
          .and.not.match(/isn’t on the list/);
      }
    });

    it('what a physio said in lay words ("a tendon getting squashed in there") is a description, not another diagnosis: the listed condition is named', async () => {
      const r = await say(
        'pinching pain at the top of my shoulder when I reach overhead, physio said something about a tendon getting squashed. can dry needling help?',
      );
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text)
        .to.include('Shoulder impingement syndrome')
        .and.not.match(/isn’t on the list/);
    });
  });

  describe('the article’s concepts imply the treatment', () => {
    it('"general wellbeing and balance" is what the article says of acupuncture (balancing chi), not "that condition isn\'t on the list"', async () => {
      const r = await say('is acupuncture good for overall wellbeing, nothing in particular wrong with me?');
      expect(r.recognition?.treatment).to.equal('acupuncture');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.not.match(/isn’t on the list/);
      expect((await say("I'm after something for general wellbeing and balance really")).text).to.match(/balance a person’s chi/);
    });

    it('a needle in a sore muscle, the pain cycle, metabolic byproducts and "the body\'s energy" say which treatment is meant: no "acupuncture or dry needling?"', async () => {
      for (const [text, treatment] of [
        ['how can poking a needle into a sore muscle calm it down?', 'dryNeedling'],
        ['so the needles break some kind of pain cycle?', 'dryNeedling'],
        ['what do metabolic byproducts have to do with it', 'dryNeedling'],
        ["what's that word you use for the body energy thing", 'acupuncture'],
      ]) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('answered');
        expect(r.recognition?.treatment, text).to.equal(treatment);
      }
    });

    it('"what does lactic acid do in a muscle knot?" gets the passage about lactic acid, though "muscle knot" names a condition', async () => {
      const r = await say('what does lactic acid do in a muscle knot?');
      expect(r.text).to.include('lactic acid');
    });

    it('a concept of one treatment asked about the other is put right, with what the article says of each', async () => {
      const r = await say('so dry needling works on your meridians, right?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text)
        .to.match(/^In our article that belongs to acupuncture, not dry needling/)
        .and.include('meridian');
      const knots = await say('do acupuncturists release the knots in muscles');
      expect(knots.text)
        .to.match(/belongs to dry needling, not acupuncture/)
        .and.include('trigger points');
    });

    it('SMS short forms of the article’s words are understood: "wats a trigger pt", "fibro"', async () => {
      const r = await say('wats a trigger pt');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('knots');
      const fibro = await say('r u able 2 help w fibro pain');
      expect(fibro.text).to.include('Fibromyalgia');
    });

    it('"which one is the one with meridians?" is told which treatment, not asked what it wants help with', async () => {
      const r = await say('which one is the treatment that uses meridians?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/^That is acupuncture\./);
    });

    it('acupoints mean acupuncture: no "which one do you mean?"', async () => {
      const r = await say('what do acupoints actually do');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.recognition?.treatment).to.equal('acupuncture');
      expect(r.text).to.include('nerve signalling');
    });

    it('magnesium means dry needling and gets the passage about it', async () => {
      const r = await say('what has magnesium got to do with any of this');
      expect(r.recognition?.treatment).to.equal('dryNeedling');
      expect(r.text).to.include('magnesium');
    });
  });

  describe('lay descriptions without "I" and with several conditions in view', () => {
    it('a complaint told without "my" but with two of a condition\'s own cues ("barista, 15 years, wrists and forearms ache from tamping all day, same motion over and over") is that condition', async () => {
      const r = await say('barista 15 years. wrists and forearms ache from the same motion over and over all day. can dry needling help?');
      expect(r.recognition?.condition).to.equal('Repetitive strain injuries');
      // One cue and no symptom is not enough to tell a complaint.
      expect((await say('do you see many people whose job is typing?')).recognition?.condition).to.equal(undefined);
    });

    it('a migraine described without "I" ("throbbing headaches, have to lie down in the dark") is a question about it, not off-topic', async () => {
      const r = await say('throbbing headaches with flashing lights first, have to lie down in a dark room');
      expect(r.text).to.include('Migraine and tension-type headaches');
    });

    it('the scar from an operation is post-surgical pain, even with a body part of another condition named', async () => {
      const r = await say('still sore around the scar a few months after my shoulder operation, would needling help');
      expect(r.text).to.include('Post-surgical pain');
    });
  });

  describe('the passage that answers', () => {
    it('"what acid builds up in knots?", "which mineral is it about?" get the lactic acid and magnesium passage', async () => {
      for (const text of ['what acid builds up in a knot?', 'which mineral does the needling affect?']) {
        const r = await say(text);
        expect(r.text, text)
          .to.match(/lactic acid/)
          .and.match(/magnesium/);
      }
    });

    it('"list the conditions dry needling is used for" and "name the ailments acupuncture is meant to help" get what each is used for, not "that condition isn\'t on the list"', async () => {
      let r = await say('please list the conditions dry needling is used for');
      expect(r.recognition?.intent).to.equal('uses');
      expect(r.text).to.match(/Plantar fasciitis/);
      r = await say('tell me the ailments acupuncture is supposed to help');
      expect(r.text).to.match(/digestive issues, insomnia/);
    });

    it('"how many conditions are on the list?" is answered with the count of the listed conditions, and that the list is not exhaustive', async () => {
      const r = await say('how many things is dry needling used for, according to you?');
      expect(r.text).to.match(/That is 21 conditions, and the article says the list is not exhaustive/);
    });

    it('two treatments\' concepts set side by side ("is qi just good circulation?", "knots vs acupoints") get what the article says of each', async () => {
      let r = await say('is qi basically the same as blood flow?');
      expect(r.text).to.include('life force').and.include('blood flow').and.include('different treatments');
      r = await say('are acupoints and trigger points different?');
      expect(r.text).to.include('acupoints').and.include('trigger points');
      r = await say('what does biochemical balance mean in the muscle?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/magnesium|lactic acid/);
    });

    it('which professions use dry needling, and whether it is effective for muscle pain, get the sentence that says so', async () => {
      expect((await say('what professions commonly use dry needling?')).text).to.include('Myotherapy');
      expect((await say('is dry needling effective for musculoskeletal pain then?')).text).to.include('effective approach');
      expect((await say('how does dry needling work?')).text).to.match(/trigger point/);
    });

    it('why knots hurt is the lactic acid passage; a question on meridians and organs is answered, not declined', async () => {
      let r = await say('what makes those trigger point knots so painful in the first place?');
      expect(r.text).to.include('lactic acid');
      r = await say('does each meridian line go with one organ?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('organs');
    });

    it('a question about a listed condition itself is answered with its name as the article lists it, never declined', async () => {
      for (const [t, name] of [
        ['whats the medical name for tennis elbow?', 'lateral epicondylitis'],
        ['the knee pain on your list, which kind is it?', 'patellofemoral'],
      ]) {
        const r = await say(t);
        expect(r.recognition?.outcome, t).to.equal('answered');
        expect(r.text, t).to.include(name);
      }
    });

    it('what gets trapped or builds up in a knot, or what happens chemically, gets the passage about lactic acid and magnesium', async () => {
      for (const t of ['what actually builds up in a knot?', 'what gets trapped in tight muscles']) {
        const r = await say(t);
        expect(r.text, t).to.include('lactic acid');
      }
    });

    it('why a needle in one place affects another (an organ, the stomach) gets the meridians and the nerve-signalling research', async () => {
      for (const t of [
        'why would sticking a needle in my leg do anything to my stomach??',
        'Does acupuncture really affect your organs or is that just a belief?',
      ]) {
        const r = await say(t);
        expect(r.text, t).to.include('meridian').and.include('nerve signalling');
      }
    });

    it('what kind of medicine dry needling is based on gets "Western medicine principles", not who practises it', async () => {
      for (const t of ['What kind of medicine is dry needling based on?', 'Is dry needling based on science or tradition?']) {
        const r = await say(t);
        expect(r.text, t).to.include('Western medicine').and.not.include('Myotherapy');
      }
    });

    it('"which one is more scientific?" gets each one’s origin and the research line, not the which-suits questions', async () => {
      const r = await say('which one is more scientific?');
      expect(r.text).to.include('Western medicine').and.include('Chinese').and.include('scientific research');
    });

    it('"is that all of them?" after the list gets the article’s "not limited to"', async () => {
      const c = new Conversation();
      await c.say('what conditions is dry needling used for');
      expect((await c.say('is that all of them?')).text).to.include('not limited to');
    });

    it('how needling helps a muscle heal or recover is answered with blood flow, not "not on the list" or who practises it', async () => {
      for (const t of ['how does dn help my muscle heal faster', 'how does needling help muscles recover after training']) {
        const r = await say(t);
        expect(r.text, t).to.match(/blood (flow|circulation)/);
        expect(r.text, t).to.not.match(/isn’t on the list|Myotherapy/);
      }
    });

    it('a question the classifier takes for an uncovered one still gets the passage that answers it; does it hurt still does not', async () => {
      const where = await say('so where exactly do the needles go in with dry needling');
      expect(where.recognition?.outcome).to.equal('answered');
      expect(where.text).to.match(/trigger points|knots/);
      const thick = await say('how thick are the needles, like a blood test one?');
      expect(thick.text).to.include('thin needles');
      const hurt = await say('does it hurt when the needles go in');
      expect(hurt.recognition?.outcome).to.equal('fallback');
      expect(hurt.text).to.not.include('knots');
    });

    it('who does dry needling gets Myotherapy and physical therapy, not the whole definition', async () => {
      const r = await say('who normally performs dry needling');
      expect(r.text).to.include('Myotherapy').and.not.include('1980s');
    });

    it('when it was developed gets the 1980s, not who uses it', async () => {
      const r = await say('how long has dry needling existed, when did it start');
      expect(r.text).to.include('1980s').and.not.include('Myotherapy');
    });

    it('"which one is older?" compares their ages from the article, instead of starting the which-suits questions', async () => {
      const r = await say('which one came first?');
      expect(r.text).to.include('ancient').and.include('1980s');
      expect(r.text).to.not.match(/what would you mainly like help with/i);
    });

    it('a question word says less than the word that follows it: who invented it is history, not who practises it', async () => {
      const r = await say('who invented dry needling');
      expect(r.text).to.include('1980s').and.not.include('Myotherapy');
    });
  });

  describe('honest partial matches', () => {
    it('asked about the list ("is gout on your list or only osteoarthritis?"), "not on the list, the list has …" is an answer; "can it help my gout?" is still not answered', async () => {
      let r = await say('is psoriatic arthritis on your list, or just the osteo one?');
      expect(r.text)
        .to.match(/isn’t on the list/)
        .and.include('Osteoarthritis');
      expect(r.recognition?.outcome).to.equal('answered');
      r = await say('can dry needling help my psoriatic arthritis?');
      expect(r.text).to.match(/isn’t on the list/);
      // (since session 27 an inflamed complaint also gets the article's broader word: a partial answer, never a yes)
      expect(r.text).to.include('The article does mention inflammation');
      expect(r.text).to.not.match(/^Yes\b/);
      r = await say('can dry needling help my tinnitus?');
      expect(r.recognition?.outcome).to.equal('fallback');
    });

    it('chronic pain asked with no treatment, or of "either" or "both", gets that the article says both can be used for it, never a yes first', async () => {
      for (const text of [
        'which of the two would be for my chronic pain?',
        'is either of them any use for chronic pain',
        'chronic pain for 6 years. can you help?',
      ]) {
        const r = await say(text);
        expect(r.text, text).to.match(/both (dry needling and acupuncture )?can be used for (musculoskeletal conditions and )?chronic pain/);
        expect(r.text, text).to.not.include('Western medicine approach');
        expect(r.text, text).to.not.match(/^\s*yes/i);
      }
    });

    it('an unlisted complaint told at length and then "would acupuncture be any good?", "any point trying it?" or "worth a shot?" is said to be unlisted, not declined as off-topic', async () => {
      for (const text of [
        'my eyes are streaming and I cannot stop sneezing every spring, would acupuncture be any good?',
        'I get cold sores every few weeks. Any point trying acupuncture?',
        'restless legs every single night, is acupuncture worth a shot?',
      ]) {
        const r = await say(text);
        expect(r.recognition?.intent, text).to.equal('condition_query');
        expect(r.text, text).to.match(/isn’t on the list/);
        expect(r.text, text).to.not.match(/not something I can help with/);
      }
    });

    it('asked outright whether something is treated or listed ("is X something you can help with?", "… can you needle that?"), an unknown thing is named back as unlisted', async () => {
      for (const [text, thing] of [
        ['Slightly awkward question but is tinnitus something you can help with?', 'tinnitus'],
        ['constant ringing in my ears since the concert. can you needle that?', 'constant ringing'],
        ['cold hands and feet all winter. is that a thing you treat', 'cold hands'],
        ['is long covid on your list?', 'long covid'],
      ]) {
        const r = await say(text);
        expect(r.text, text).to.include(`“${thing}” isn’t on the list`);
        expect(r.text, text).to.not.match(/^\s*yes/i);
      }
      // The list itself is no unlisted thing.
      const r = await say('are the conditions on your list the only ones dry needling is used for?');
      expect(r.text).to.not.include('isn’t on the list');
    });

    it('a word broader than the listed name ("headaches", "arthritis") gets what the list names and that it may not cover every kind, never a yes', async () => {
      let r = await say('I get bad headaches a few times a week, could dry needling help?');
      expect(r.recognition?.condition).to.equal('Migraine and tension-type headaches');
      expect(r.text).to.not.match(/^\s*yes/i);
      expect(r.text).to.include('every kind of');
      r = await say('would dry needling do anything for the arthritis in my fingers?');
      expect(r.text).to.not.match(/^\s*yes/i);
      expect(r.text).to.include('Osteoarthritis');
      // The listed name itself still gets its plain answer.
      r = await say('can dry needling help with my migraines?');
      expect(r.text).to.match(/^Yes\./);
    });

    it('asking for stretches, exercises or ice or heat gets an honest "the article does not advise on that", never a yes', async () => {
      let r = await say('what stretches would you recommend for a stiff neck?');
      expect(r.recognition?.outcome).to.equal('fallback');
      expect(r.text)
        .to.match(/doesn’t give advice on stretches/)
        .and.not.match(/^\s*yes/i);
      r = await say('should I use ice or heat on my calf after dry needling?');
      expect(r.text).to.match(/doesn’t give advice on ice or heat/);
      r = await say('should I put heat or ice on my sprained ankle tonight?');
      expect(r.text)
        .to.match(/doesn’t give advice on (ice or heat|heat or ice)/)
        .and.not.match(/^\s*yes/i);
      // Telling it is no question about it.
      r = await say('I do my physio exercises every day but my knee still aches, could dry needling help?');
      expect(r.recognition?.condition).to.equal('Knee pain, including patellofemoral pain syndrome');
    });

    it('massage set against dry needling, and a painkiller asked for, are said not to be covered, never answered as a recommendation', async () => {
      let r = await say('would a massage be better than dry needling for my sore neck?');
      expect(r.recognition?.intent).to.equal('not_covered');
      expect(r.text).to.not.match(/points to dry needling/);
      r = await say('what painkiller would you recommend for my migraines?');
      expect(r.text).to.match(/can’t give advice about medicines/);
    });

    it('a chronic listed condition told as something new ("did my back in this morning") is not a yes: the list names the chronic kind', async () => {
      let r = await say('did my lower back in lifting the kids this morning, can dry needling help?');
      expect(r.text)
        .to.include('Chronic lower back pain')
        .and.include('sounds recent')
        .and.not.match(/^\s*yes/i);
      r = await say('my lower back has been bad for years, can dry needling help?');
      expect(r.text).to.match(/^Yes/);
      // Acupuncture's "chronic pain" is an ailment of its own list, not dry needling's chronic lower back pain.
      r = await say('all-over pain that flared up yesterday, can acupuncture help with pain?');
      expect(r.text).to.not.include('sounds recent');
    });

    it('"is that all you treat?" is answered from the article: its list is not exhaustive', async () => {
      const r = await say('so are those the only conditions you use dry needling for?');
      expect(r.text)
        .to.include('not limited')
        .and.not.match(/isn’t on the list/);
    });

    it("sinus headaches are not the listed kind; nerve pain from shingles and waking at 3am are the article's broader words, never a yes", async () => {
      let r = await say('i get sinus headaches most mornings, can needling help those?');
      expect(r.text)
        .to.match(/“sinus headaches” isn’t on the list/i)
        .and.not.match(/^\W*yes/i);
      r = await say('post herpetic neuralgia on my chest wall since shingles, is acupuncture any use?');
      expect(r.text)
        .to.include('chronic pain')
        .and.not.match(/^\W*yes/i);
      r = await say('I wake up at 3am every night and lie awake for hours, would acupuncture help?');
      expect(r.text)
        .to.include('insomnia')
        .and.not.match(/^\W*yes/i);
    });

    it('"is osteoarthritis covered?" asks about the list; covered by a health fund does not', async () => {
      expect((await say('is plantar fasciitis covered?')).text).to.include('Plantar fasciitis');
      expect((await say('is sciatica covered by my health fund?')).text).to.not.match(/^\W*yes/i);
    });

    it('"I see osteoarthritis on your list, but is RA covered?" says RA is not on the list and that osteoarthritis is, once', async () => {
      let r = await say('I have rheumatoid arthritis in my hands. I see osteoarthritis on your list, but is RA covered too?');
      expect(r.text)
        .to.match(/“rheumatoid arthritis” isn’t on the list/)
        .and.include('The list does include “Osteoarthritis”');
      expect(r.text).to.not.match(/^\W*yes\b/i);
      r = await say('I get cluster headaches, the stabbing-behind-one-eye kind. Your list says migraine, does that cover cluster ones?');
      expect(r.text.match(/isn’t on the list/g)).to.have.length(1);
      expect(r.text).to.include('Migraine');
    });

    it('a narrower complaint gets what the article says and that it does not name theirs, never a yes', async () => {
      const r = await say('will acupuncture cure my heartburn');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.not.match(/^\W*yes\b/i);
      expect(r.text).to.include('digestive issues').and.include('does not mention');
    });

    it('a diagnosis the list does not name, told with a listed condition or its body part, is said to be unnamed, never a yes', async () => {
      for (const [t, listed, said] of [
        ['the physio thinks it is a torn meniscus, my knee clicks going down stairs, can dry needling help', 'Knee pain', 'meniscus'],
        ['got scoliosis and my lower back aches most evenings, is that something you needle', 'Chronic lower back pain', 'scoliosis'],
        ['trochanter bursitis apparently, the side of my hip hurts at night, does that come under your hip pain one?', 'Hip pain', 'bursitis'],
      ]) {
        const r = await say(t);
        expect(r.recognition?.outcome, t).to.equal('answered');
        expect(r.text, t).to.not.match(/^\W*yes\b/i);
        expect(r.text, t).to.include(listed).and.include('does not mention').and.match(new RegExp(said, 'i'));
      }
    });

    it('another therapy or advice about a medicine is said not to be covered, naming it, with the clinic to ask', async () => {
      for (const [t, named, who] of [
        ['do you guys offer hot stone massage as well?', 'hot stone massage', /what the clinic offers/],
        ['would a chiro be better than dry needling for me', 'chiro', /what the clinic offers/],
        ['can I keep taking my nurofen on the day of my acupuncture?', 'nurofen', /doctor or pharmacist/],
      ] as const) {
        const r = await say(t);
        expect(r.recognition?.outcome, t).to.equal('fallback');
        expect(r.text, t)
          .to.include(`“${named}”`)
          .and.match(who)
          .and.not.match(/^\W*yes\b/i);
      }
      const own = await say('I teach pilates and my lower back aches after long days, would dry needling help?');
      expect(own.recognition?.condition, 'a therapy in passing is not the question').to.equal('Chronic lower back pain');
    });

    it('asking whether it will fix a listed condition gets no yes either', async () => {
      const r = await say('will dry needling fix my tennis elbow for good');
      expect(r.text).to.not.match(/^\W*yes\b/i);
      expect(r.text).to.not.match(/\b(it|dry needling) will (fix|cure)\b/i);
      expect(r.text).to.include('Tennis elbow');
    });

    it('the ailments acupuncture "aims to alleviate" are told as the article says them, never with a yes', async () => {
      for (const t of ['does acupuncture help with stress', 'can acupuncture bring inflammation down', 'does acupuncture help insomnia']) {
        const r = await say(t);
        expect(r.recognition?.outcome, t).to.equal('answered');
        expect(r.text, t).to.include('aims to alleviate');
        expect(r.text, t).to.not.match(/^\W*yes\b/i);
      }
    });

    it('something off the list that the article speaks to (posture, cramps, recovery) gets that passage and that it is not listed', async () => {
      const cases: Array<[string, RegExp]> = [
        ['does dry needling help with bad posture', /postural re-patterning/],
        ['is dry needling any good for leg cramps at night', /tension and musculoskeletal pain/],
        ['could dry needling help me recover after a marathon', /muscle recovery/],
      ];
      for (const [t, passage] of cases) {
        const r = await say(t);
        expect(r.recognition?.outcome, t).to.equal('answered');
        expect(r.text, t).to.match(passage).and.include('is not on our article’s list');
        expect(r.text, t).to.not.match(/^\W*yes\b/i);
      }
    });

    it('a diagnosis that sounds like a listed one (cubital tunnel, cluster headaches) is said to be unlisted, with no yes', async () => {
      for (const t of ['do you treat cubital tunnel syndrome', 'I get cluster headaches behind one eye, is that on your list']) {
        const r = await say(t);
        expect(r.text, t).to.not.match(/^\W*yes\b/i);
        expect(r.text, t).to.match(/isn’t on the list/);
      }
    });

    it('asking whether something is on the list, or whether needles would settle it, gets a plain "isn’t on the list"', async () => {
      for (const t of [
        'is tinnitus on the list',
        'restless legs every single night, cant keep them still. would needles settle them down',
        'Half my face dropped last week, hospital said Bell’s palsy. Is acupuncture used for this?',
      ]) {
        const r = await say(t);
        expect(r.text, t).to.not.match(/^\W*yes\b/i);
        expect(r.text, t).to.match(/isn’t on the list of conditions in our article/);
      }
      // Not when it asks how the needles work, or about the whole list.
      expect((await say('ok and how does sticking a needle in it help?')).text).to.not.match(/isn’t on the list/);
      expect((await say('Is your list of conditions for dry needling the complete list?')).text).to.not.match(/isn’t on the list/);
    });

    it('a thing the bot does not know, asked about in any of the ways patients ask, is named back as not on the list', async () => {
      for (const [t, thing] of [
        ['do your needles do anything for restless legs syndrome?', 'restless legs syndrome'],
        ['Rosacea on my cheeks. Is that something you treat?', 'Rosacea'],
        ['gout in my big toe - can u treat it', 'gout'],
        ['Is lupus one of the conditions you treat?', 'lupus'],
        ['My dad has multiple sclerosis and gets tired. Would acupuncture be of any benefit to him?', 'multiple sclerosis'],
        ['Hay fever every spring, eyes streaming. Acupuncture?', 'Hay fever'],
        ['dn for cellulite?', 'cellulite'],
      ]) {
        const r = await say(t);
        expect(r.text, t).to.include(`“${thing}” isn’t on the list of conditions in our article`);
        expect(r.text, t).to.not.match(/^\W*yes\b/i);
      }
    });

    it('a follow-up naming only an unknown thing is said to be unlisted; the article’s own words and people are not things', async () => {
      const c = new Conversation();
      await c.say('does dry needling help with shin splints');
      expect((await c.say('what about my son’s scoliosis then?')).text).to.match(/“scoliosis” isn’t on the list/);
      expect((await c.say('great. and vitiligo?')).text).to.match(/“vitiligo” isn’t on the list/);
      for (const t of [
        'can acupuncture help me relax',
        'do you treat kids',
        'is acupuncture for internal problems or just pain',
        'I have had acupuncture for years, how is dry needling different?',
      ]) {
        expect((await say(t)).text, t).to.not.match(/” isn’t on the list/);
      }
    });

    it('an unlisted condition is said to be unlisted, with no yes anywhere', async () => {
      const r = await say('does acupuncture help with hair loss');
      expect(r.recognition?.outcome).to.equal('fallback');
      expect(r.text).to.not.match(/\byes\b/i);
    });
  });

  describe('several questions in one message', () => {
    it('every part is answered: an unlisted thing asked of "it" beside a listed one, a condition asked as "what do you know about", an age question the article does not cover', async () => {
      let r = await say("does it do anything for tinnitus? and what about my plantar fasciitis, it's been months");
      expect(r.text).to.match(/“(tinnitus|ringing in my ears)” isn’t on the list/);
      expect(r.text).to.match(/Plantar fasciitis/);
      r = await say('What do you know about dry needling for sciatica, and is there a bus stop close by?');
      expect(r.text).to.match(/Sciatica/);
      expect(r.text).to.match(/don’t have that information/);
      r = await say('is there an age limit, and can acupuncture help insomnia?');
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.match(/insomnia/);
      expect((await say('can children have dry needling?')).recognition?.intent).to.equal('not_covered');
    });

    it('a condition asked alone between questions ("Is sciatica on the list? Fibromyalgia? And gout?") and a body part asked about the list ("are knees on your list?") are answered each', async () => {
      let r = await say('Is sciatica on the list? Fibromyalgia? What about gout?');
      expect(r.text)
        .to.include('Sciatica')
        .and.include('Fibromyalgia')
        .and.match(/“gout” isn’t on the list/);
      r = await say('my ankles and my wrists both ache. Are ankles on your list?');
      expect(r.text).to.include('Ankle sprains');
    });

    it('"is your list complete? and is X on it?" gets both answers; "…, and roughly when…" is a second question', async () => {
      let r = await say('Is the list of conditions complete? And is plantar fasciitis on it?');
      expect(r.text).to.include('not limited').and.include('Plantar fasciitis');
      r = await say('acupuncture - is it Chinese medicine, and roughly how old is it?');
      expect(r.text).to.match(/ancient/i);
      r = await say('dry needling, is it western medicine and roughly what decade did it start?');
      expect(r.text).to.include('1980s');
    });

    it('a back sore only since last weekend, asked as "is that the chronic lower back pain on your list?", is said to sound recent, never "Yes"', async () => {
      const r = await say('my lower back has only been sore since last weekend. is that the chronic lower back pain you list?');
      expect(r.text)
        .to.match(/sounds recent rather than chronic/)
        .and.not.match(/^Yes/);
    });

    it('"which is the newer treatment?" gets the two ages, not the which-suits questions', async () => {
      const r = await say('which one is the more recent treatment?');
      expect(r.text).to.include('1980s').and.include('ancient');
    });

    it('a concept asked after a lead-in clause ("my calves are tight, is it lactic acid?") gets the article\'s passage on it', async () => {
      const r = await say('my calves feel knotted after runs, is it lactic acid stuck in there?');
      expect(r.text).to.include('lactic acid');
    });

    it('a question about cover ("is this covered by WorkCover?") beside a complaint is told the team can answer first, not taken for an unlisted condition', async () => {
      const r = await say('Is this covered by WorkCover? I hurt my shoulder at work.');
      expect(r.text).to.match(/^Sorry, I don’t have that information/);
    });

    it('"which is older?" as one part of several gets both ages beside the other answers; a lead-in before a colon is no question', async () => {
      let r = await say('what is dry needling based on, how does acupuncture work, and which came first?');
      expect(r.text).to.include('1980s').and.include('ancient Chinese').and.include('meridian');
      r = await say('Two things: when was dry needling developed, and what are acupoints?');
      expect(r.text)
        .to.include('1980s')
        .and.match(/acupoints?/i);
    });

    it('"and what does it aim to treat?" as a part of several is what the treatment is used for, not an unlisted condition', async () => {
      const r = await say('how old is acupuncture, and what does it aim to treat?');
      expect(r.text)
        .to.include('ancient')
        .and.include('digestive issues')
        .and.not.match(/isn’t on the list/);
    });

    it('an unknown thing in a list with listed conditions is said to be unlisted, not dropped', async () => {
      const r = await say('would acupuncture or dry needling help with sciatica, plantar fasciitis or tinnitus?');
      expect(r.text)
        .to.include('Sciatica')
        .and.include('Plantar fasciitis')
        .and.match(/“tinnitus” isn’t on the list/);
    });

    it('a follow-up asking whether "it" would do an unknown thing too names that thing, never a yes for the last condition', async () => {
      const r = await afterSaying('can dry needling help tennis elbow', 'would it do my psoriasis as well?');
      expect(r.text)
        .to.match(/“psoriasis” isn’t on the list/)
        .and.not.match(/^\s*yes/i);
    });

    it('every listed condition named in one question is answered, and "X on your list? And Y?" answers both', async () => {
      let r = await say('two problems really, plantar fasciitis and tennis elbow from work. can dry needling help either?');
      expect(r.text).to.include('Plantar fasciitis').and.include('Tennis elbow');
      r = await say('Is gout on your list? And sciatica?');
      expect(r.text)
        .to.match(/“gout” isn’t on the list/)
        .and.include('Sciatica');
    });

    it('a numbered list of questions, or questions separated by commas, gets each part answered in order', async () => {
      let r = await say('1) what is chi 2) what are acupoints 3) is there research');
      expect(r.text).to.include('life force').and.include('scientific research');
      expect(r.text.indexOf('life force')).to.be.below(r.text.indexOf('scientific research'));
      r = await say('Who developed acupuncture, when was dry needling developed, and which one is for postural stuff?');
      expect(r.text).to.include('Chinese').and.include('1980s').and.include('postural');
      // A comma after a statement is no list of questions.
      r = await say('If I have lower back pain, can dry needling help');
      expect(r.text).to.include('lower back');
    });

    it('each part is answered in order, including the honest answer about prices', async () => {
      const r = await say('does dry needling help with sciatica and how much does a session cost');
      const texts = r.replies.map((a) => a.text ?? '');
      expect(texts.length).to.be.at.least(2);
      expect(texts[0]).to.include('Sciatica');
      expect(texts[1]).to.match(/doesn’t cover that|prices/);
    });

    it('a body part asked to be treated ("help my back") is a question about its condition, answered before the price', async () => {
      const r = await say('can dry needling help my back and how much is a session');
      const texts = r.replies.map((a) => a.text ?? '');
      expect(texts[0]).to.include('Chronic lower back pain');
      expect(texts.slice(1).join(' ')).to.match(/doesn’t cover that|prices/);
    });

    it('several conditions in one question get one answer each, in order, and the shared advice once', async () => {
      const r = await say('my hip hurts and my knee hurts, are both on your list? what about restless legs?');
      expect(r.text).to.match(/Hip pain[\s\S]*Knee pain[\s\S]*isn’t on the list/);
      expect(r.text.split('A practitioner can assess whether it suits you').length - 1).to.equal(1);
      const tagged = await say('Is tennis elbow on your list? Is golfers elbow?');
      expect(tagged.text).to.match(/Tennis elbow[\s\S]*Golfer.s elbow/);
    });

    it('a named condition and a described one are both answered ("my heel hurts every morning and I also get migraines")', async () => {
      const r = await say('two things: my heel hurts every morning and I also get migraines, can dry needling help both');
      expect(r.text)
        .to.match(/Plantar fasciitis/)
        .and.match(/Migraine/);
    });

    it('"what is the difference, and which is better for tight muscles?" gets the difference and the recommendation', async () => {
      const r = await say('whats the difference between acupuncture and dry needling, and which is better for tight muscles?');
      expect(r.text).to.include('different theories').and.include('the article points to dry needling');
      const versus = await say('acu vs dn for stress?');
      expect(versus.recognition?.outcome).to.equal('answered');
      expect(versus.text).to.include('the article points to acupuncture');
    });

    it('parts joined by "+" are parts too ("how does dn improve blood flow + how many sessions would i need")', async () => {
      const r = await say('how does dn improve blood flow + how many sessions would i need');
      expect(r.text)
        .to.include('blood')
        .and.match(/doesn’t cover that|Our team can answer/);
    });

    it('"what about the other treatment, does that help digestion?" is about the treatment not talked about last', async () => {
      const r = await afterSaying('does acupuncture help with digestion', 'what about the other treatment, does that help digestion?');
      expect(r.text).to.match(/not on our article’s list for dry needling/);
    });

    it('an unlisted condition asked "is it on your list?" is told unlisted, not asked which treatment', async () => {
      const r = await say('Is chronic fatigue syndrome on your list of things you treat?');
      expect(r.text)
        .to.match(/isn’t on the list/)
        .and.not.match(/Do you mean acupuncture or dry needling/);
      const list = await say('Is the list of conditions on your page everything you treat?');
      expect(list.text).to.include('not limited');
    });

    it('two conditions in one message get two answers, in order', async () => {
      const r = await say('do you treat golfers elbow? and what about insomnia');
      expect(r.text).to.match(/Golfer.s elbow[\s\S]*insomnia/i);
    });
  });

  describe('messaging style', () => {
    it('a listed condition with one treatment and no comparing word is asked about, not compared ("tennis elbo from 2 much tennis, dn y/n")', async () => {
      const r = await say('tennis elbo from 2 much tennis lol, dn y/n');
      expect(r.recognition?.intent).to.equal('condition_query');
      expect(r.recognition?.condition).to.equal('Tennis elbow (lateral epicondylitis)');
    });

    it('"bk" is the back in SMS style ("acu or dn 4 lower bk pain??")', async () => {
      const r = await say('dn 4 bk pain? had it yrs');
      expect(r.recognition?.condition).to.equal('Chronic lower back pain');
    });

    it('autocorrect and sound-alike spellings of listed conditions and of dry needling are understood ("dry kneeling", "carpool tunnel", "planter fasciitis")', async () => {
      let r = await say('can dry kneeling help with carpool tunnel');
      expect(r.recognition?.condition).to.equal('Carpal tunnel syndrome');
      expect(r.text).to.include('dry needling');
      r = await say('would dry nettling help planter fasciitis');
      expect(r.recognition?.condition).to.equal('Plantar fasciitis');
      // A sound-alike word alone is not enough: "a muscle" is no massage, and "carpool" alone is a carpool.
      r = await say('how does dry needling help a muscle recover?');
      expect(r.text).to.not.match(/can’t tell you about/);
    });

    it('"worth trying dry needling?" names nothing unlisted ("trying" is as known as "try"): the bot asks which condition, never says "that condition isn’t on the list"', async () => {
      const r = await say('worth trying dry needling?');
      expect(r.text).to.not.include('isn’t on the list');
      expect(r.recognition?.outcome).to.equal('clarify');
    });

    it('"what does that stand for?" after an abbreviated condition spells it out; "and dry needling?" after a point made of both, or after a price question, asks the same again', async () => {
      let c = new Conversation();
      await c.say('do you do anything for TMD');
      let r = await c.say('sorry, what does TMD stand for?');
      expect(r.text).to.include('short for temporomandibular joint disorder');
      c = new Conversation();
      await c.say('are acupuncture needles thick?');
      r = await c.say('what about dry needling?');
      expect(r.text).to.include('thin needles');
      c = new Conversation();
      await c.say('whats the cost of an acupuncture appointment');
      r = await c.say('and for dry needling?');
      expect(r.recognition?.intent).to.equal('not_covered');
      expect(r.text).to.not.include('1980s');
    });

    it('a listed condition shouted with "please reply" is a question about it; another therapy or an animal as the patient is declined', async () => {
      let r = await say('DRY NEEDLING FOR PLANTAR FASCIITIS?? PLEASE ANSWER');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('Plantar fasciitis');
      r = await say('is remedial massage good for my neck?');
      expect(r.recognition?.outcome).to.equal('fallback');
      expect(r.text).to.not.match(/^\W*yes/i);
      r = await say('can you needle horses? my mare has a sore back');
      expect(r.recognition?.outcome).to.equal('fallback');
      expect(r.text).to.not.match(/^\W*yes/i);
      expect((await say('grazie!')).recognition?.outcome).to.equal('answered');
    });

    it('everyday complaint words ("grumbling", "creaky", "acting up", "hip stuff") with a body part name its listed condition, never "not on the list"', async () => {
      for (const [t, name] of [
        ["my knee's been creaky and acting up on the stairs for a year, is knee stuff something you'd needle?", 'Knee pain'],
        ['hip grumbles every time I walk uphill, been months, can dry needling help?', 'Hip pain'],
      ]) {
        const r = await say(t);
        expect(r.text, t)
          .to.include(name)
          .and.not.match(/isn’t on the list/);
      }
    });

    it('a pet in the patient\'s day ("since I started walking the dog on the beach") leaves the patient\'s complaint the question', async () => {
      const r = await say('sharp pain under my heel first thing every morning since I started walking the dog on the beach, would you needle that?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('Plantar fasciitis');
      expect((await say('does dry needling work on dogs? my kelpie is stiff in the hips')).recognition?.outcome).to.equal('fallback');
    });

    it('after a question about their complaint, a description without "my" still names it; "no nerve stuff down the leg" does not', async () => {
      let c = new Conversation();
      await c.say('do you treat sciatica');
      let r = await c.say('its more in the buttock actually, deep in there, and it goes a bit down the leg');
      expect(r.recognition?.outcome).to.equal('answered');
      c = new Conversation();
      await c.say('can dry needling help my shoulder pain');
      r = await c.say('it was a shoulder reconstruction if that matters, 10 weeks ago');
      expect(r.recognition?.condition).to.equal('Post-surgical pain');
      c = new Conversation();
      await c.say('can dry needling help my lower back pain');
      r = await c.say('Yes it is definitely muscular, no nerve stuff down the leg.');
      expect(r.recognition?.condition).to.not.equal('Sciatica');
    });

    it('an English word is never taken for a typo of a body part: "still aches most days" is not the arches', async () => {
      const r = await say('Broke my wrist a year ago, it healed fine but it still aches most days. Would needling be used for that?');
      expect(r.text).to.not.include('Plantar fasciitis');
    });

    it('"I also get headaches that come with it" after neck pain is the neck condition that names headaches too', async () => {
      const r = await afterSaying('can dry needling help my neck pain', 'I also get headaches that come with it, is that included?');
      expect(r.recognition?.condition).to.equal('Neck pain and tension headaches');
      const m = new Conversation();
      await m.say('can dry needling help my neck pain');
      expect((await m.say('what about migraines')).recognition?.condition).to.equal('Migraine and tension-type headaches');
    });

    it('"do you treat tennis elbow", "dn 4 tennis elbow?" answer about the condition, never "which of these did you mean?"', async () => {
      for (const t of ['Do you treat tennis elbow', 'dn 4 tennis elbow?', 'do u treat hip pain']) {
        const r = await say(t);
        expect(r.recognition?.outcome, t).to.equal('answered');
        expect(r.text, t).to.match(/Tennis elbow|Hip pain/);
      }
    });

    it('"and how old is the other one?" asks the last question about the other treatment', async () => {
      const r = await afterSaying('when did dry needling start?', 'and how old is the other one then?');
      expect(r.text)
        .to.match(/ancient/i)
        .and.not.include('1980s');
    });

    it('"bye" is said goodbye to, "lol ok" gets "anything else?", and "who am I chatting with" is told it is a bot', async () => {
      expect((await say('bye!')).text).to.match(/^Bye for now/);
      const ack = await say('lol ok');
      expect(ack.recognition?.outcome).to.equal('answered');
      expect(ack.text)
        .to.match(/anything else/i)
        .and.not.match(/welcome/i);
      expect((await say('who am i chatting with')).text).to.include('automated assistant');
      expect((await say('thank u so much x')).text).to.match(/welcome/i);
    });

    it('"no worries" is a way of saying OK, not stress to be treated', async () => {
      const r = await say('no worries, and what about my shoulder, it pinches when i reach overhead');
      expect(r.text).to.include('Shoulder impingement syndrome');
      expect(r.text).to.not.match(/stress management/i);
    });

    it('"r u a real person" is told the truth: an automated assistant, with a person to contact', async () => {
      const r = await say('r u a real person??');
      expect(r.text).to.include('automated assistant');
      expect(r.text).to.not.match(/\bI(’|')?m (a )?(real )?(human|person)\b/i);
    });

    it('acu and dn are the treatments', async () => {
      const r = await say('dn vs acu, what’s the difference');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/different theories|Western medicine/);
    });

    it('"and acupuncture?" after a specific answer answers the same point for acupuncture', async () => {
      const r = await afterSaying('when was dry needling first developed', 'and acupuncture?');
      expect(r.recognition?.treatment).to.equal('acupuncture');
      expect(r.text).to.include('ancient');
    });

    it('"what about the other one?" switches treatment', async () => {
      const r = await afterSaying('what is acupuncture', 'what about the other one?');
      expect(r.recognition?.treatment).to.equal('dryNeedling');
    });
  });

  describe('"which suits me" uses what it was told', () => {
    it('which problem matters most, told after a recommendation for two ("the jaw is the worst of it", "my leg pain is way worse, focus on that"), decides it again', async () => {
      const r = await afterSaying('what would suit me, I have a bloated stomach and sciatica', 'the leg pain is much worse, focus on that');
      expect(r.recognition?.intent).to.equal('which_suits');
      expect(r.text).to.match(/points to dry needling/);
    });

    it('an approach asked for outright ("someone who wants a traditional, holistic approach") decides the recommendation; "which is appropriate for me", "help me choose" start the questions', async () => {
      let r = await say('what would you suggest for someone after a traditional holistic approach?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/points to acupuncture/);
      for (const text of ['which one is right for me', 'not sure what I need, can you help me decide?', 'which treatment is best for me']) {
        r = await say(text);
        expect(r.recognition?.intent, text).to.equal('which_suits');
      }
      r = await say('which one is the one about balancing chi?');
      expect(r.recognition?.treatment).to.equal('acupuncture');
    });

    it('a recommendation for something the list covers by a broader name ("since my knee replacement", "whiplash") names the closest listed condition', async () => {
      const r = await afterSaying('not sure which treatment to pick', 'still sore since my shoulder replacement in March');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/closest condition on our article’s list is Post-surgical pain/);
    });

    it('after a recommendation for a named condition, "would the other one work too?" naming a treatment is about that condition, not "which condition?"', async () => {
      const c = new Conversation();
      await c.say('which treatment would you recommend?');
      await c.say('I have plantar fasciitis');
      const r = await c.say('could acupuncture work as well?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.recognition?.condition).to.equal('Plantar fasciitis');
      expect(r.text).to.match(/does not list it for acupuncture/);
    });

    it('more detail after a condition or recommendation ("only the neck and shoulders, nothing internal") gets the recommendation, not a decline', async () => {
      let c = new Conversation();
      await c.say('ive had tennis elbow for months, what should i try');
      let r = await c.say('only the elbow, nothing internal going on');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text)
        .to.include('dry needling')
        .and.not.match(/not something I can help with/);
      c = new Conversation();
      await c.say('which is better for stress and bloating?');
      r = await c.say('no aches or pains at all, mainly those');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('acupuncture');
    });

    it('a condition told without "my" in answer to a question about the complaint ("the problem is a sore hip from running", "Just insomnia, no pain to speak of") is answered, not declined', async () => {
      let r = await say('the main problem is a sore hip from running');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('Hip pain');
      const c = new Conversation();
      await c.say('do you treat stress?');
      r = await c.say('No real pain. Just insomnia and some worry about money.');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('insomnia');
    });

    it('"can I get a recommendation?" alone starts the questions, not a decline', async () => {
      for (const t of [
        'Could I get a recommendation please?',
        'what would you recommend for me?',
        "I'd like your advice please: dry needling or acupuncture?",
      ]) {
        const r = await say(t);
        expect(r.recognition?.intent, t).to.equal('which_suits');
      }
    });

    it('a condition denied ("no stomach or sleep issues, just my jaw") is not asked about; "no sleep" with a new baby is the complaint', async () => {
      for (const text of ['no gut or sleep problems, it is only my calves', 'nothing like that, no real sleep issues']) {
        const r = await say(text);
        expect(r.recognition?.condition, text).to.not.equal('insomnia');
      }
      expect((await say('twins are 3 months old, no sleep for weeks, would acupuncture help?')).recognition?.condition).to.equal('insomnia');
      expect((await say('I dont know if it is sciatica, can dry needling help?')).recognition?.condition).to.equal('Sciatica');
    });

    it('"and for sleep?" after dry needling was talked about answers for acupuncture, whose list has insomnia; "does it help insomnia?" about dry needling says it is not on its list', async () => {
      let c = new Conversation();
      await c.say('does dry needling help tight hamstrings?');
      let r = await c.say('what about for sleep?');
      expect(r.text).to.include('acupuncture');
      c = new Conversation();
      await c.say('what is dry needling?');
      r = await c.say('does it help insomnia?');
      expect(r.text).to.match(/not on our article’s list for dry needling/);
    });

    it('"which modality is more appropriate for me", "I have to choose which type", "just pick one" ask for the recommendation', async () => {
      let r = await say('Could you advise which modality would be most suitable for my situation?');
      expect(r.recognition?.intent).to.equal('which_suits');
      r = await say('my son booked me a session for my birthday and I have to choose which type');
      expect(r.recognition?.intent).to.equal('which_suits');
      const c = new Conversation();
      await c.say('tight knots in my calves from running, which do I book?');
      r = await c.say('ok just choose for me');
      expect(r.text).to.include('points to dry needling');
    });

    it('"why that one and not the other?" right after a treatment was pointed to gets the article\'s reason, not the other treatment\'s blurb', async () => {
      const r = await afterSaying('tight knotted hamstrings from cycling, which of the two suits me?', 'how come dry needling over acupuncture?');
      expect(r.text).to.include('muscle relief').and.include('internal ailments');
    });

    it('"no sleep or stomach issues" denies both: the recommendation stays with the muscles told before', async () => {
      const c = new Conversation();
      await c.say('which one would suit me');
      await c.say('knots in my shoulders from lifting');
      const r = await c.say('no sleep or stomach issues though. so which?');
      expect(r.text).to.include('points to dry needling');
    });

    it('the recommendation names the condition told in an earlier answer, never one the patient denied', async () => {
      let c = new Conversation();
      await c.say('which would you suggest for me?');
      await c.say('I run a lot and my achilles has been sore for months');
      let r = await c.say('nothing else going on, which one?');
      expect(r.text).to.include('Achilles tendinopathy').and.include('dry needling');
      expect(r.recognition?.condition).to.equal('Achilles tendinopathy');
      c = new Conversation();
      await c.say('which one suits my dad?');
      await c.say('he has osteoarthritis in his hips');
      r = await c.say('no gut or sleep problems, so which?');
      expect(r.text).to.include('Osteoarthritis').and.not.include('Insomnia');
    });

    it('"so?", "yeah so which" and "why that one?" after the recommendation get it again with its reason; "no knots" points away from dry needling', async () => {
      let c = new Conversation();
      await c.say('decide for me, acupuncture or dry needling');
      await c.say('lower back muscles are tight and I feel a few hard lumps in there');
      let r = await c.say('so?');
      expect(r.text).to.match(/points to dry needling/);
      c = new Conversation();
      await c.say('I have a tight, knotted muscle in my calf after a strain at soccer. Which treatment?');
      r = await c.say('why that one?');
      expect(r.text).to.match(/dry needling is more targeted for muscle relief/);
      c = new Conversation();
      await c.say('what would you recommend for me?');
      await c.say('bloating, period pain, and trouble getting to sleep');
      r = await c.say('no muscle injuries or knots');
      expect(r.text)
        .to.match(/acupuncture/i)
        .and.not.match(/^According to our article, myofascial trigger points/);
    });

    it('desk work and tight muscles decide it without asking', async () => {
      const r = await say('I sit at a computer all day and my shoulder muscles get really tight, which of the two would suit me');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.recognition?.treatment).to.equal('dryNeedling');
    });

    it('a typed answer that tells the problem decides it at once', async () => {
      const c = new Conversation();
      const first = await c.say('which treatment suits me');
      expect(first.recognition?.outcome).to.equal('clarify');
      const second = await c.say('honestly mostly my gut and my sleep');
      expect(second.recognition?.outcome).to.equal('answered');
      expect(second.text).to.include('the article points to acupuncture');
    });

    it('a described problem answers "what would you like help with?" and the recommendation names it', async () => {
      const c = new Conversation();
      await c.say('which of the two would suit me');
      const second = await c.say('it is my lower back mostly, sore for months');
      expect(second.recognition?.outcome).to.equal('answered');
      expect(second.text).to.include('Chronic lower back pain').and.include('the article points to dry needling');
    });

    it('"so which one?" is answered from everything said before, even after other questions', async () => {
      const c = new Conversation();
      await c.say('I cant decide between the two');
      await c.say('my sleep is terrible and my stomach is always off');
      await c.say('I do have a bit of arthritis in my knee but it doesnt bother me much');
      const r = await c.say('so which would be best for me?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('acupuncture');
      expect(r.text).to.not.match(/what would you mainly like help with/i);
    });

    it('what the patient denies or sets aside does not count ("no muscle pain", "forget the back")', async () => {
      const denied = new Conversation();
      await denied.say('which one suits me');
      const r1 = await denied.say('no muscle pain or injuries, it is all internal, sleep and digestion');
      expect(r1.text).to.include('the article points to acupuncture');
      const setAside = new Conversation();
      await setAside.say('which one suits me');
      await setAside.say('a bit of lower back pain but the bigger thing is I cant sleep and my stomach is off');
      const r2 = await setAside.say('so which one?');
      expect(r2.text).to.include('acupuncture');
    });

    it('telling more after a recommendation carries that conversation on', async () => {
      const r = await afterSaying(
        'I have a sore lower back from lifting at work, which would you recommend?',
        'yes it is definitely muscular, no nerve stuff',
      );
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('dry needling');
    });

    it('"you pick", "dunno" or "so which one?" at its question leaves the choice to the bot, which answers', async () => {
      for (const leave of ['dunno, you pick', 'so which one?', 'what do you reckon']) {
        const c = new Conversation();
        await c.say('help me choose between the two treatments');
        const r = await c.say(leave);
        expect(r.recognition?.outcome, leave).to.be.oneOf(['clarify', 'answered']);
        const last = r.recognition?.outcome === 'answered' ? r : await c.say('no preference');
        expect(last.recognition?.outcome, leave).to.equal('answered');
        expect(last.text, leave).to.match(/either treatment|acupuncture|dry needling/);
      }
    });

    it('"which one suits me" after a problem in slang ("heels are wrecked", "shoulder pinchy") is answered', async () => {
      const r = await say('chef here, on my feet all day and my heels are wrecked by the end of a shift. which one suits me');
      expect(r.recognition?.outcome).to.be.oneOf(['answered', 'clarify']);
      expect(r.text).to.not.match(/not something I can help with/);
      const pinchy = await say('shoulder pinchy wen i lift my arm up. dn?');
      expect(pinchy.recognition?.condition).to.equal('Shoulder impingement syndrome');
    });

    it('"I don’t have any muscle or joint injuries" denies them; "never mind the sleep" sets it aside', async () => {
      const r = await afterSaying(
        'which would be better for me, acupuncture or dry needling?',
        'a lot of stress lately and it is affecting my stomach. I don’t have any muscle or joint injuries.',
      );
      expect(r.text).to.include('the article points to acupuncture');
      const d = new Conversation();
      await d.say('is acupuncture good for sleep? I only get 4 hours');
      await d.say('actually never mind the sleep, it is really my lower back that keeps me awake, for a couple of years');
      const which = await d.say('so which one then, acupuncture or dry needling?');
      expect(which.text).to.include('the article points to dry needling');
    });

    it('"just tell me which", "so which?" leave the choice to the bot', async () => {
      const c = new Conversation();
      await c.say('which treatment suits me');
      await c.say('my lower back has been tight for months');
      const r = await c.say('so which?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('dry needling');
    });

    it('"so which would you advise?" after the problem was told gets the recommendation, whatever came between', async () => {
      const c = new Conversation();
      await c.say('my digestion is all over the place and I sleep badly');
      await c.say('how many sessions would I need?');
      const r = await c.say('so which would you advise for me?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('the article points to acupuncture');
    });

    it('"so which one?" right after a recommendation repeats it instead of asking the questions again', async () => {
      const c = new Conversation();
      await c.say('which one would suit me');
      const recommended = await c.say('muscles');
      expect(recommended.text).to.include('dry needling');
      const again = await c.say('so which one then?');
      expect(again.recognition?.outcome).to.equal('answered');
      expect(again.text).to.include('dry needling');
      expect(again.text).to.not.match(/what would you mainly like help with/i);
    });

    it('a problem told with the request ("help me choose, my traps are like rocks from the desk", "I can\'t decide. I have carpal tunnel") is answered, not asked again', async () => {
      let r = await say('help me choose between acu and dn, my traps are like rocks from sitting at a desk');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text)
        .to.include('dry needling')
        .and.not.match(/what would you mainly like help with/i);
      r = await say("I can't choose. I have golfer's elbow in my right arm.");
      expect(r.recognition?.condition).to.match(/Golfer/);
      expect(r.text).to.include('dry needling');
    });

    it('"nah nothing else" or how it came about ("from carrying the baby") right after the recommendation gets it again, with the condition', async () => {
      let c = new Conversation();
      await c.say('pick one for me, I have tennis elbow');
      let r = await c.say('nope, nothing else');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('Tennis elbow').and.include('dry needling');
      c = new Conversation();
      await c.say("I can't decide, I have sciatica");
      r = await c.say('from lifting at work I think');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('Sciatica').and.include('dry needling');
    });

    it('a mind that will not switch off is not a headache, and "stiff from sleeping on it funny" is not insomnia', async () => {
      let c = new Conversation();
      await c.say('which one suits me? my sleep is terrible and I am stressed');
      let r = await c.say('no aches or injuries, it is my mind that keeps racing at night');
      expect(r.recognition?.condition ?? '').to.not.match(/Migraine/);
      expect(r.text).to.include('acupuncture');
      c = new Conversation();
      await c.say('acupuncture or dry needling for a stiff neck?');
      r = await c.say('no headaches, it just went stiff after sleeping on it wrong');
      expect(r.recognition?.condition).to.not.equal('insomnia');
      expect(r.text).to.include('dry needling');
    });

    it('a denied list keeps its commas ("That\'s it - no gut, sleep or stress problems") and does not tip the choice to acupuncture', async () => {
      const c = new Conversation();
      await c.say('not sure which needling to book');
      await c.say('my hamstring is tight and knotted from running');
      const r = await c.say("That's it - no gut, sleep or stress problems.");
      expect(r.text).to.include('the article points to dry needling');
    });

    it('"That\'s everything. Acu or dn?" and "Just the calf, nothing else wrong" after the problem get the recommendation', async () => {
      let c = new Conversation();
      await c.say('which treatment would you suggest for me?');
      await c.say('tight neck and shoulders from long drives, and tension headaches');
      let r = await c.say("That's everything. Acu or dn?");
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('dry needling');
      c = new Conversation();
      await c.say('runner here, strained my calf a month ago and it is still tight. acupuncture or dry needling?');
      r = await c.say('Just the calf, no other problems');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text)
        .to.include('dry needling')
        .and.not.match(/Do you mean acupuncture or dry needling/);
    });

    it('an answer that picks no option is never met with "please choose" again: the bot recommends from what it was told', async () => {
      let c = new Conversation();
      await c.say("I've got a few things going on, which treatment?");
      await c.say('Poor sleep, and also a sore lower back.');
      let r = await c.say('The back is what bothers me most.');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text)
        .to.include('the article points to dry needling')
        .and.not.match(/please choose|insomnia/i);
      c = new Conversation();
      await c.say('which one should I get');
      await c.say('ongoing pain');
      r = await c.say('hmm hard to say really');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.not.match(/please choose|which approach/i);
    });

    it('a question of its own asked instead of an option ("does it hurt?") is answered, not taken as "not sure"', async () => {
      const r = await afterSaying('which treatment suits me', 'does dry needling hurt?');
      expect(r.text).to.not.match(/which approach appeals|the article points to/i);
      expect(r.recognition?.intent).to.not.equal('which_suits');
    });

    it('"which treatment for my X?" where X is on neither list is told it is not on the list, never given a recommendation for it', async () => {
      for (const q of ['which treatment would help with my chronic fatigue syndrome?', 'which treatment is best for his gout?']) {
        const r = await say(q);
        expect(r.text, q)
          .to.match(/isn’t on the list|not on the list/)
          .and.not.match(/the article points to/);
      }
      const r = await say('which one is better for a tradie like me?');
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('a question about the question ("what do you need to know?", "why does that matter?") gets it asked again, explained', async () => {
      for (const meta of ['what do you need to know?', 'why do you need to know that?', 'depends on what?']) {
        const c = new Conversation();
        await c.say('help me choose a treatment');
        const r = await c.say(meta);
        expect(r.recognition?.outcome, meta).to.equal('clarify');
        expect(r.text, meta).to.include('muscles or joints').and.include('not sure');
      }
    });

    it('"which one is less painful?" and "which doesn\'t use needles?" are told both use thin needles and who can say more, not asked what they want help with', async () => {
      for (const q of ['Which one is less painful?', "I hate needles, which of your treatments doesn't use them?"]) {
        const r = await say(q);
        expect(r.recognition?.outcome, q).to.equal('answered');
        expect(r.text, q)
          .to.include('thin needles')
          .and.match(/phone/i)
          .and.not.match(/what would you mainly like help with/);
      }
    });

    it('pain everywhere for years is told as fibromyalgia, and the approach question names the treatments', async () => {
      const r = await afterSaying('i dont really know what i need', 'i just hurt everywhere, have done for years');
      expect(r.recognition?.condition).to.equal('Fibromyalgia');
      const asked = await new Conversation().say('which suits me');
      expect(asked.text).to.include('what would you mainly like help with');
      const c2 = new Conversation();
      await c2.say('which suits me');
      const approach = await c2.say('ongoing pain');
      expect(approach.text).to.include('dry needling').and.include('acupuncture');
    });

    it('wrists and forearms aching from the tools every day are repetitive strain', async () => {
      const r = await say("I'm a plumber and both wrists and forearms ache from the tools every day");
      expect(r.recognition?.condition).to.equal('Repetitive strain injuries');
    });
  });

  describe('discourse words and fillers', () => {
    it('"does it hurt though" is the pain question ("though" is no typo of "through"), and "ok then, what CAN acupuncture help with?" gets its uses', async () => {
      let r = await say('does it hurt though');
      expect(r.recognition?.intent).to.equal('not_covered');
      r = await say('ok then, what CAN acupuncture help with?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('digestive issues');
    });
  });

  describe('sound-alike condition words', () => {
    it('"my gran" is not "my-graine": a function word alone is no anchor for a sound-alike match, while "carpool tunnel" still is carpal tunnel', async () => {
      const c = new Conversation();
      const r = await c.say('Which would suit my gran?');
      expect(r.recognition?.condition ?? '').to.not.match(/Migraine/);
      expect((await say('would dry needling help my carpool tunnel')).recognition?.condition).to.equal('Carpal tunnel syndrome');
    });
  });

  describe('follow-ups that tell more about the condition', () => {
    it('what the patient does all day, or which part matters most, told right after a recommendation gets the recommendation again, not a decline', async () => {
      for (const [first, more] of [
        ['which would you suggest for tight hamstrings?', 'I cycle most mornings'],
        ['what would you recommend for my sore shoulders?', "I'm a painter by trade"],
        ['which one for stiff neck and heel pain?', 'the heel is the priority'],
      ]) {
        const c = new Conversation();
        await c.say(first);
        const r = await c.say(more);
        expect(r.recognition?.outcome, more).to.equal('answered');
        expect(r.text, more).to.match(/points to (dry needling|acupuncture)|closest condition/);
      }
    });

    it('a preference told after a recommendation ("whichever you think", "nothing too spiritual please") is taken as the answer to which approach', async () => {
      let c = new Conversation();
      await c.say('what would you recommend for my knee arthritis?');
      let r = await c.say('either is fine, whichever you think');
      expect(r.recognition?.intent).to.equal('which_suits');
      expect(r.recognition?.outcome).to.equal('answered');
      c = new Conversation();
      await c.say('what would you suggest for tight calves?');
      r = await c.say('nothing too spiritual for me please');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/points to dry needling/);
    });

    it('a complaint told with no question ("my calves are always tight and cramping up") gets the treatment the article points to, not "not something I can help with"', async () => {
      const r = await say('ugh my hamstrings are always tight and cramping up');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/knots/);
      expect(r.text).to.not.match(/not something I can help with/);
      // a pet's complaint stays declined
      expect((await say('my dog has a sore hip, do you treat dogs?')).text).to.not.match(/points to/);
    });

    it('"recommend something pls" and "what suits an office worker" start the which-suits questions instead of "acupuncture or dry needling?"', async () => {
      for (const text of ['recommend something pls', 'what suits a shift worker', 'want to try needles but what kind']) {
        const r = await say(text);
        expect(r.recognition?.intent, text).to.equal('which_suits');
      }
    });

    it('how long, where or how it came about, told after a condition question, is answered about that condition, not declined', async () => {
      for (const [first, more, condition] of [
        ['can dry needling help my plantar fasciitis?', 'been like this for about 2 years now', 'Plantar fasciitis'],
        ['do you treat osteoarthritis?', 'mine flares up every winter and on and off in between', 'Osteoarthritis'],
        ['could needling help a pulled calf?', 'did it at footy training if that matters', 'Muscle strains and sprains'],
      ]) {
        const c = new Conversation();
        await c.say(first);
        const r = await c.say(more);
        expect(r.recognition?.outcome, more).to.equal('answered');
        expect(r.recognition?.condition, more).to.equal(condition);
      }
    });

    it('a bare "how?" after an answer about dry needling is how dry needling works; "and for restless legs?" after a condition question is told it is not on the list', async () => {
      let c = new Conversation();
      await c.say('does dry needling help muscle recovery after the gym?');
      let r = await c.say('how?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/trigger points|blood flow/);
      c = new Conversation();
      await c.say('do you treat tennis elbow?');
      r = await c.say('and for restless legs?');
      expect(r.text).to.match(/isn’t on the list|not on the list/);
    });

    it('a correction ("sorry no, I meant my hip") is answered about the body part now meant', async () => {
      const r = await afterSaying('can DN help my knee? it aches on stairs', 'sorry no I meant my hip, typo');
      expect(r.recognition?.condition).to.match(/Hip pain/);
    });

    it('after a recommendation, more about the problem ("been going on for years, on and off") gets the recommendation again, not a refusal', async () => {
      const r = await afterSaying('which is better for my neck, acupuncture or dry needling?', 'it has been going on for years, on and off');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('dry needling');
    });

    it('"isn\'t that a sports injury?" asks to confirm, it does not deny the condition', async () => {
      const r = await say("I got them from running though, so isn't that a sports injury?");
      expect(r.recognition?.condition).to.equal('Sports injuries');
    });
  });

  describe('follow-ups that point back', () => {
    it('"and acupuncture for the same thing?" after a condition question is that condition, asked of the other treatment', async () => {
      const r = await afterSaying('does dry needling help carpal tunnel?', 'what about acupuncture for the same problem?');
      expect(r.recognition?.condition).to.equal('Carpal tunnel syndrome');
      expect(r.recognition?.treatment).to.equal('acupuncture');
    });

    it('"sorry, was that acupuncture or the other one?" after a condition answer says again which treatment, with that condition', async () => {
      const r = await afterSaying('do you do anything for sciatica?', 'sorry was that dry needling or acupuncture for it?');
      expect(r.recognition?.condition).to.equal('Sciatica');
      expect(r.recognition?.treatment).to.equal('dryNeedling');
      expect(r.text).to.match(/Sciatica.*dry needling/);
    });

    it('"can that be dry needled?" after a condition is asked about that condition, not handed to a person', async () => {
      const r = await afterSaying('my physio thinks it is golfers elbow', 'can that be dry needled?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.recognition?.condition).to.equal('Golfer’s elbow (medial epicondylitis)');
    });

    it('"what is it exactly though?" after a question about dry needling, "what\'s its proper name?" after a condition, are about what was talked about', async () => {
      let c = new Conversation();
      await c.say('how much is dry needling?');
      let r = await c.say('ok fair enough. so what is it exactly though?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/trigger points|knots/);
      c = new Conversation();
      await c.say('can dry needling help golfers elbow');
      r = await c.say('what is the medical term for that?');
      expect(r.text).to.include('medial epicondylitis');
    });

    it('"and osteos?" after who uses dry needling gets the same point again, not a handoff', async () => {
      const r = await afterSaying('do physios use dry needling?', 'and myotherapists?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.include('Myotherapy');
    });
  });

  describe('social messages in people’s own words', () => {
    it('"I\'ve asked about prices three times now" is a complaint about the answers (an apology and a person), never crisis guidance', async () => {
      const r = await say("this is annoying, I've asked you the same question 3 times");
      expect(r.text).to.match(/^Sorry that wasn’t helpful/);
      expect(r.text).to.not.match(/Lifeline|call 000|crisis/);
    });

    it('thanks with a question after it gets the question answered; thanks with good news about a session is thanks, not a question about the body part', async () => {
      let r = await say('oh thats helpful, thank you. and is dry needling the newer one?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/1980s/);
      r = await say('cheers! and sciatica?');
      expect(r.recognition?.condition).to.equal('Sciatica');
      r = await say('thanks so much, my neck has loosened up heaps since the session!');
      expect(r.recognition?.intent).to.equal('thanks');
      expect(r.text).to.not.match(/isn’t on the list|not something I can help with/);
    });

    it('a visitor looking around or about to ask ("just browsing", "quick question coming up, bear with me", "how are you?") is greeted; "thank u so much ur amazing" is thanked; never declined', async () => {
      for (const text of ['hey, just having a look around, nothing in particular', 'Good morning! quick q coming up, bear with me', 'how are you?']) {
        const r = await say(text);
        expect(r.recognition?.intent, text).to.equal('greeting');
        expect(r.recognition?.outcome, text).to.equal('answered');
      }
      const r = await say('thank u so much ur a star');
      expect(r.recognition?.intent).to.equal('thanks');
    });

    it('"what\'s ur name?", "do you have a name?" are answered truthfully: an automated assistant, and a person to contact', async () => {
      for (const text of ['whats ur name', 'do you have a name?', 'what should I call you']) {
        const r = await say(text);
        expect(r.text, text).to.match(/automated assistant/);
      }
    });

    it('a worry about needles ("I\'m a bit nervous about needles") is met kindly with what the article says and who can talk it through, not "I don\'t have that information"', async () => {
      for (const text of ["honestly I'm pretty scared of needles", 'needles kind of freak me out, is that silly']) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('answered');
        expect(r.text, text).to.match(/common worry/);
        expect(r.text, text).to.match(/thin needles/);
        expect(r.text, text).to.match(/Phone:/);
      }
    });

    it('"are you ChatGPT?" is asked whether the bot is a person; "first time on your site" is a greeting', async () => {
      let r = await say('wait are you chatgpt or something');
      expect(r.text).to.match(/automated assistant/);
      r = await say('hello, first time visiting your website');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('"that didn\'t help at all", "you\'re not very helpful" get an apology and a person to ask, never "you\'re welcome" or crisis guidance; asking for a person gets the handoff', async () => {
      for (const text of ['hmm that did not help at all', 'you are not very helpful', 'this isnt answering my question', 'thats not what i asked']) {
        const r = await say(text);
        expect(r.text, text).to.match(/^Sorry that wasn’t helpful/);
        expect(r.recognition?.outcome, text).to.equal('answered');
      }
      expect((await say('this is useless, put me through to a real person')).recognition?.outcome).to.equal('handoff');
    });

    it('a greeting in another language, "I\'m new here", "typing this for my nan", and kind words to the bot get a friendly reply, not a decline', async () => {
      for (const text of ['Bonjour, buenas noches', "hi, I'm new here", 'hello, writing on behalf of my mum', 'ha you are pretty clever for a bot']) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('answered');
      }
    });

    it('"nighty night", a smiley alone, "oops, meant that for another tab", a first-timer giving her name, and "ur useless" get a friendly or apologetic reply', async () => {
      for (const text of [
        'nighty night xx',
        '🙂🙂',
        'oops, meant that for another tab',
        "Hello, my name is Beryl Smith and I've never used one of these chat things",
      ]) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('answered');
        expect(r.text, text).to.not.match(/didn’t catch|Do you mean acupuncture or dry needling|not something I can help with/);
      }
      const r = await say('ur useless');
      expect(r.text).to.match(/^Sorry that wasn’t helpful/);
      expect(r.recognition?.outcome).to.equal('answered');
    });

    it('"thank you kindly, you have been most helpful, goodbye" is thanks, not a crisis', async () => {
      const r = await say('Thank you kindly, you have been most helpful. Bye now.');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.not.match(/Lifeline|call 000|crisis/);
    });

    it('"get me a manager" and "I want to talk to whoever does the needling" are handed to a person; "good night, back tomorrow" is a goodbye', async () => {
      for (const t of ['get me the manager please', 'can I talk to whoever would be doing my needling first?']) {
        expect((await say(t)).recognition?.outcome, t).to.equal('handoff');
      }
      expect((await say('good night, I will come back tomorrow')).recognition?.outcome).to.equal('answered');
    });

    it('"ok thanks" or "cheers, bye" while the bot waits for an answer ends its question kindly; a bare "ok" does not', async () => {
      let c = new Conversation();
      await c.say('help me choose');
      let r = await c.say('ok thanks');
      expect(r.text)
        .to.match(/welcome/i)
        .and.not.match(/choose one of the options/);
      c = new Conversation();
      await c.say('help me choose');
      r = await c.say('cheers, bye');
      expect(r.text)
        .to.match(/bye/i)
        .and.not.match(/choose one of the options/);
      c = new Conversation();
      await c.say('help me choose');
      r = await c.say('ok');
      // (a bare "ok" is taken as "not sure": the questions go on, to the approach)
      expect(r.text).to.match(/which approach appeals/);
    });

    it('"u a robot or what" is told it is automated; "God bless" thanks and "just testing if this works" are social', async () => {
      expect((await say('u a robot or what')).text).to.match(/automated assistant/);
      expect((await say('you a real person?')).text).to.match(/automated assistant/);
      expect((await say('Thank you dear, you have been very helpful. God bless.')).recognition?.outcome).to.equal('answered');
      expect((await say('hey just testing if this works')).recognition?.outcome).to.equal('answered');
    });

    it('thanks, greetings and "sorry, wrong chat" in any words get a social reply, never "not something I can help with"', async () => {
      for (const t of [
        'Thank you dear, you have been very patient with me',
        'Hi! Quick hello before I ask my questions 😊',
        'sorry wrong chat',
        'Hola, buenos días',
        'ok fair enough, cheers',
        'Hi, I’m Sue',
        'buongiorno!',
        'Thank you dear, that is most kind of you.',
        'Hello. My English is not so good, sorry. Thank you for help.',
      ]) {
        const r = await say(t);
        expect(r.recognition?.outcome, t).to.equal('answered');
        expect(r.text, t).to.not.match(/not something I can help with|didn’t understand|Do you mean/);
      }
    });

    it('"is this an actual human replying", "is a person going to read this or is it automatic?" are told the truth', async () => {
      for (const t of [
        'is this an actual human replying',
        'Is a person going to read this or is it automatic?',
        'whats your name',
        'wait are you an actual bot',
      ]) {
        const r = await say(t);
        expect(r.text, t).to.include('automated assistant');
      }
    });
  });

  describe('text-message spellings and courtesies', () => {
    it('text-message spellings are read as words ("gd 4 sciatica?", "acu gd 4 that?", "stressed 2 the max"): the question is answered, not thanked', async () => {
      let r = await say('is dn gd 4 tennis elbow?');
      expect(r.recognition?.condition).to.equal('Tennis elbow (lateral epicondylitis)');
      r = await say('stressed 2 the max at work, acu gd 4 that?');
      expect(r.recognition?.intent).to.not.equal('thanks');
      expect(r.text).to.match(/stress management/);
      // a number is still a number: "2 sessions", "4 weeks"
      r = await say('had 2 sessions of dry needling 4 weeks ago, can it help my neck?');
      expect(r.recognition?.condition).to.equal('Neck pain and tension headaches');
    });

    it('"won\'t", "wont" and a filler in between ("my brain just won\'t switch off at night") are the same words as the article\'s conditions', async () => {
      for (const text of [
        "my brain just won't switch off at night, is there anything for that?",
        'my mind really wont switch off at night, can acupuncture help',
      ]) {
        const r = await say(text);
        expect(r.recognition?.condition, text).to.equal('insomnia');
      }
    });

    it('"is a robot answering me?" is answered truthfully: an automated assistant', async () => {
      const r = await say('is a real person replying to this?');
      expect(r.text).to.match(/automated assistant/);
      expect((await say('is a bot answering me')).text).to.match(/automated assistant/);
    });

    it('courtesies, a decision to think it over, and kind words are answered kindly, never declined or met with safety guidance', async () => {
      for (const text of [
        'Sorry for all the questions!',
        "Thanks, I'll give you a ring tomorrow",
        "ok thanks, I'll have a think about it",
        "Good afternoon, I hope I'm not bothering you so late",
        'Hello, my granddaughter set this up for me, I am not very good with computers.',
      ]) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('answered');
        expect(r.text, text).to.not.match(/000|Lifeline|not something I can help with/);
      }
    });

    it('season\'s greetings are returned and kind words thanked ("Merry Christmas to the team!", "my sister recommended you, she said you\'re great"), not "you\'re welcome"', async () => {
      let r = await say('Merry Christmas to everyone at the clinic!');
      expect(r.text).to.match(/same to you/);
      expect(r.text).to.not.match(/000|Lifeline/);
      r = await say("my sister recommended your clinic, she said you're great!");
      expect(r.text).to.match(/kind of you/);
    });
  });

  describe('money, and the passage that answers', () => {
    it('a price, a fund or WorkCover asked about ("how much does X cost compared to Y", "can I put it through WorkCover") is declined with the clinic\'s contacts, never answered as a comparison', async () => {
      for (const text of [
        'what does acupuncture cost compared to dry needling?',
        'can I claim dry needling on my health fund?',
        'is dry needling covered by workcover?',
      ]) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('fallback');
        expect(r.text, text).to.match(/Phone:/);
        expect(r.text, text).to.not.match(/\$\s?\d/);
      }
      // money said in passing is not what is asked
      const r = await say("my insurance won't pay for physio anymore. can dry needling help my sciatica?");
      expect(r.recognition?.condition).to.equal('Sciatica');
      // and a price of something else is still off-topic
      for (const text of ['how much is a coffee around here', 'can you work out the price per kilo of these apples for me?'])
        expect((await say(text)).recognition?.intent, text).to.not.equal('not_covered');
      // a short question about a price is the clinic's
      expect((await say('is it expensive?')).recognition?.intent).to.equal('not_covered');
    });

    it("what the two have in common is the article's own sentence: both use thin needles (and both treat musculoskeletal conditions and chronic pain)", async () => {
      const r = await say('what have acupuncture and dry needling got in common?');
      expect(r.text).to.match(/thin needles/);
    });

    it('where the needles go in acupuncture is the meridian lines', async () => {
      const r = await say('where are the needles put in for acupuncture?');
      expect(r.text).to.match(/meridian/);
    });
  });

  describe("the article's broader words from descriptions", () => {
    it('a stomach or bowel complaint in lay words ("my tummy is unsettled and gurgly", "my gut gets upset when I\'m nervous") is the article\'s digestive issues, said without a "yes"', async () => {
      for (const text of [
        'my tummy is always unsettled and gurgly, would acupuncture help?',
        'my stomach gets upset whenever I am nervous, can acupuncture do anything?',
        'my bowels are unsettled all the time, is acupuncture used for that?',
      ]) {
        const r = await say(text);
        expect(r.recognition?.condition, text).to.equal('digestive issues');
        expect(r.text, text).to.not.match(/^Yes/);
      }
    });
  });

  describe('what the article says of a concern it does not name', () => {
    it('a concern the article speaks to without naming it ("emotional pain", "feeling off balance", "looser muscles", "aches and pains all over") gets what the article says, never a yes or "that condition isn\'t on the list"', async () => {
      for (const [text, said] of [
        ['could acupuncture help with emotional pain after a breakup?', /mental or physical/],
        ['i feel really out of balance lately, is acupuncture for that?', /chi/],
        ['I do ballet and want looser muscles, would dry needling help?', /knots/],
        ['can you help with aches and pains all over?', /chronic pain/],
      ] as const) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('answered');
        expect(r.text, text).to.match(said);
        expect(r.text, text).to.not.match(/^Yes|isn’t on the list/);
      }
    });
  });

  describe('the pick said back', () => {
    it('"so you\'d go with dry needling then?" or "so it\'s acupuncture?" after a recommendation gets the recommendation again, not a comparison or "I\'m not sure what you mean"', async () => {
      for (const next of ["so you'd go with dry needling then?", "so it's dry needling for that?"]) {
        const r = await afterSaying('which one suits me? I have plantar fasciitis', next);
        expect(r.recognition?.outcome, next).to.equal('answered');
        expect(r.text, next).to.match(/points to dry needling/);
      }
    });
  });

  describe('which one is which', () => {
    it('"which one is the eastern one?" gets each one\'s origin from the article, not a recommendation for a preference never told', async () => {
      const r = await say('which one is the traditional one?');
      expect(r.text).to.match(/ancient Chinese medicine/);
      expect(r.text).to.match(/Western medicine principles/);
      expect(r.text).to.not.match(/You prefer/);
    });

    it('muscles that "learnt bad patterns" from slouching get the posture passage (postural re-patterning), not who practises dry needling', async () => {
      const r = await say('my physio reckons my muscles have learnt bad patterns from slouching, would dry needling help?');
      expect(r.text).to.match(/postural re-patterning/);
    });
  });

  describe('two problems that point two ways', () => {
    it('which suits someone with an internal ailment and a muscle condition ("IBS and fibromyalgia") is told each one\'s treatment from the article, then asked which matters most', async () => {
      const r = await say('which would you recommend if I have both reflux and plantar fasciitis?');
      expect(r.text).to.match(/for “digestive issues” it points to acupuncture/);
      expect(r.text).to.match(/“Plantar fasciitis” to dry needling/);
      // a problem denied is not one of them
      const d = await say('which suits me? my low back muscles are tight from sitting, not the stomach, not the sleep');
      expect(d.text).to.not.match(/points to acupuncture/);
    });
  });

  describe('a body part that only says where', () => {
    it('a body part that only places something else ("psoriasis on my elbows", "eczema behind her knees") is not that body part\'s listed condition: no "yes"; with a symptom word it still is', async () => {
      const r = await say('my son has eczema behind his knees, would needles help his skin?');
      expect(r.text).to.not.match(/^Yes/);
      expect(r.recognition?.condition).to.not.equal('Knee pain, including patellofemoral pain syndrome');
      expect((await say('can dry needling help the ache behind my knees?')).recognition?.condition).to.equal(
        'Knee pain, including patellofemoral pain syndrome',
      );
    });
  });

  describe('more told after a recommendation', () => {
    it('a statement after a recommendation that names nothing new ("I\'m at a desk ten hours a day", "few months now, no injury") continues the recommendation, not "that condition isn\'t on the list"', async () => {
      const first = 'which is better for me? my neck gets stiff from work';
      for (const next of ["I'm sitting at a computer about ten hours a day.", 'Few months now. No injury or anything, just from work.']) {
        const r = await afterSaying(first, next);
        expect(r.recognition?.outcome, next).to.equal('answered');
        expect(r.text, next).to.match(/dry needling/);
        expect(r.text, next).to.not.match(/isn’t on the list|don’t have that information/);
      }
    });
  });

  describe('placeholder clinic details', () => {
    let app: RunningApp;
    before(async () => {
      app = await startTestApp({});
    });
    after(() => app.close());

    it('a question about a placeholder detail is told it is not set, never shown the placeholder', async () => {
      const r = await say('what time do you open on sundays');
      expect(r.recognition?.outcome).to.equal('fallback');
      expect(r.text).to.include('not been set');
      expect(r.text).to.not.match(/placeholder/i);
      // and says how to find out, even when the phone and email are placeholders too
      for (const t of ['whats ur address', 'where do I park?']) expect((await say(t)).text, t).to.match(/contact the clinic|call us|email/i);
    });

    it('a contact question about something the clinic details do not hold ("do you do home visits?", "when is she in?") is told the assistant does not have it and who to ask, not shown the card', async () => {
      for (const t of ['Do you do home visits?', "where's the clinic"]) {
        const r = await say(t);
        expect(r.recognition?.outcome, t).to.equal('fallback');
        expect(r.text, t).to.match(/don’t have that information|not been set/);
        expect(r.text, t).to.not.match(/Address:/);
      }
    });

    it('/healthz names the clinic details that are still placeholders', async () => {
      const res = await fetch(`${app.url}/healthz`);
      const body = (await res.json()) as { clinicDetails: string; placeholderDetails: string[] };
      expect(body.clinicDetails).to.equal('placeholder');
      expect(body.placeholderDetails).to.include('openingHours');
    });
  });

  describe('fourteenth round: follow-ups, where it comes from, and what was just said', () => {
    it('a follow-up naming something unlisted ("my brother has gout, would it help him too?") is said to be unlisted, never a yes for the condition before', async () => {
      const r = await afterSaying('does dry needling help with fibromyalgia?', 'my brother has gout, would it help him too?');
      expect(r.text).to.not.match(/^\W*Yes/);
      expect(r.text).to.match(/gout/);
      expect(r.text).to.match(/isn’t on the list/);
      const s = await afterSaying('can acupuncture help with inflammation?', 'would it help my lupus specifically?');
      expect(s.text).to.match(/lupus/);
      expect(s.text).to.not.match(/didn’t understand/);
    });

    it('the wait for an appointment is not the history of dry needling: it is declined with the clinic contacts', async () => {
      const r = await say('how long is the wait to get an appointment these days?');
      expect(r.text).to.not.match(/1980s/);
      expect(r.text).to.match(/Phone/);
    });

    it('where acupuncture comes from and how old it is, in other words ("which country…", "is it an old practice?"), is the article\'s origin', async () => {
      expect((await say('what country did acupuncture start in?')).text).to.match(/Chinese/);
      const r = await say('does acupuncture help with insomnia, and is it an old practice?');
      expect(r.text).to.match(/insomnia/);
      expect(r.text).to.match(/ancient/);
    });

    it('"what\'s it mainly used for?" is what the treatment is used for, also as the second of two questions', async () => {
      const r = await say('quick one: is dry needling western medicine, and what’s it mostly used for?');
      expect(r.text).to.match(/Western medicine principles/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"does the list include X?" for a listed condition is a yes for it, not "I don\'t have that information"', async () => {
      const r = await say('does your list include sciatica?');
      expect(r.recognition?.condition).to.equal('Sciatica');
      expect(r.text).to.not.match(/don’t have that information/);
    });

    it('"so acupuncture or dry needling?" after the problem is told gets the recommendation for it, not both definitions', async () => {
      const c = new Conversation();
      await c.say('which one would suit a tennis player?');
      await c.say('the outside of my elbow aches after a long hit');
      const r = await c.say('ok so acupuncture or dry needling?');
      expect(r.text).to.match(/points to dry needling/);
    });

    it('a short answer to the recommendation about how it feels ("No tingling, just a dull ache.") carries it on, never "not something I can help with"', async () => {
      const r = await afterSaying('which do I need? my wrists ache from typing all day', 'No tingling, just a dull ache.');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('"which 4 me" is "which for me": the choice, asked about', async () => {
      const r = await say('acu or dry needling... which 4 me?');
      expect(r.recognition?.intent).to.equal('which_suits');
    });

    it('a listed condition told in text-message style ("lower back + sciatica combo most arvos") is no thanks', async () => {
      const r = await say('lower back + sciatica combo most arvos');
      expect(r.recognition?.intent).to.equal('condition_query');
    });

    it('a rolled ankle or a sprained wrist told in lay words is the article\'s sprain, and "in my sleep" is when, not a sleep problem', async () => {
      const a = await say('rolled over on my foot coming down the stairs, outside of the joint is swollen and black and blue');
      expect(a.recognition?.condition).to.equal('Ankle sprains');
      const w = await say('sprained my wrist at netball, x-ray says not broken, just stretched ligaments');
      expect(w.recognition?.condition).to.equal('Muscle strains and sprains');
      const j = await say('I clench my jaw in my sleep and now chewing hurts near my ear');
      expect(j.recognition?.condition).to.equal('Temporomandibular joint disorder (TMD)');
    });

    it('the same broader word found twice ("I wake at 5 and can\'t get back off") is answered once', async () => {
      const r = await say('I drop off fine but wake at 5 most days and just can’t get back off. Would acupuncture help?');
      expect(r.text.match(/Our article mentions insomnia/g) ?? []).to.have.length(1);
    });

    it('healing, recovery and "the inside of the body" get the article\'s passage, never "that condition isn\'t on the list"', async () => {
      const h = await say('does dry needling actually help a muscle heal or just mask the pain?');
      expect(h.text).to.match(/healing process/);
      const i = await say('is acupuncture more for muscles or for the inside of the body?');
      expect(i.text).to.match(/internal ailments/);
      const r = await say('my calves are smashed for days after a marathon. would dry needling speed up the recovery?');
      expect(r.text).to.match(/muscle recovery/);
      expect(r.text).to.not.match(/That condition isn’t on the list/);
    });

    it('a tummy that swells up is the article\'s digestive issues, and "like I\'m pregnant" adds no pregnancy note', async () => {
      const r = await say('my belly swells up every night like I’m pregnant haha, could acupuncture sort that out?');
      expect(r.recognition?.condition).to.equal('digestive issues');
      expect(r.text).to.not.match(/Because you mentioned pregnancy/);
      expect((await say('I’m 14 weeks pregnant, can I have acupuncture?')).text).to.match(/Because you mentioned pregnancy/);
    });

    it('"is that the same as an acupoint?" after trigger points, and "does dry needling use them too?" after meridians, are told the two belong to different treatments', async () => {
      const a = await afterSaying('what is a trigger point?', 'is that the same as an acupoint?');
      expect(a.text).to.match(/different treatments/);
      expect(a.text).to.match(/acupoints/);
      const m = await afterSaying('what are meridians?', 'does dry needling work on them too?');
      expect(m.text).to.match(/belongs to acupuncture, not dry needling/);
    });

    it('"the other one is better for what?" after a recommendation is what the other treatment is for', async () => {
      const c = new Conversation();
      await c.say('how are acupuncture and dry needling different?');
      await c.say("which one's for muscles then");
      const r = await c.say('and the other one is good for what?');
      expect(r.text).to.match(/acupuncture aims to alleviate/);
    });

    it('an apology for one\'s English, "can you understand me?" and "nice to meet you" are answered kindly, with no safety guidance', async () => {
      for (const text of ['sorry my english is not so good', 'can you understand me? english is not my first language', 'Nice to meet you!']) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('answered');
        expect(r.text, text).to.not.match(/000|Lifeline|not something I can help with|didn’t understand/);
      }
    });
    it('others\' advice told ("my GP says dry needling, my sister swears by acupuncture") with "which one?" is the choice asked for, not who practises dry needling', async () => {
      const r = await say('my GP says dry needling but my sister swears by acupuncture. which should I pick?');
      expect(r.recognition?.intent).to.equal('which_suits');
      expect(r.text).to.not.match(/Myotherapy/);
    });

    it('"which one is the chinese one and which is the western one?" gets each one\'s origin, though it asks in two parts', async () => {
      const r = await say('which one is the chinese one and which is the western one?');
      expect(r.text).to.match(/ancient Chinese medicine/);
      expect(r.text).to.match(/Western medicine principles/);
    });

    it('an exercise soreness told as a described condition ("sore for days after leg day … recover?") also gets what the article says of muscle recovery', async () => {
      const r = await say('my quads are sore for days after leg day at the gym, would dry needling help me recover?');
      expect(r.text).to.match(/muscle recovery/);
    });
    it('"is X treatable with acupuncture?" for something unlisted is said to be unlisted; "what ailments does it traditionally aim to help, according to your website?" is what it is used for', async () => {
      const r = await say('is tinnitus treatable with acupuncture?');
      expect(r.text).to.match(/tinnitus/);
      expect(r.text).to.match(/isn’t on the list/);
      const u = await say('which problems does dry needling usually aim to help, according to the website?');
      expect(u.text).to.match(/Chronic lower back pain/);
    });

    it('"Heyyy", thanks for an explanation and patience asked for are answered kindly, never declined', async () => {
      for (const text of [
        'Heyyy 👋',
        'Thanks for explaining that, it makes more sense now.',
        'sorry, please bear with me, not good with computers',
      ]) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('answered');
        expect(r.text, text).to.not.match(/not something I can help with|didn’t understand|000/);
      }
    });

    it('a diagnosis described instead of named ("that condition where you hurt all over", "tender spots that send pain elsewhere") is the listed condition it describes', async () => {
      const f = await say(
        'my rheumatologist diagnosed me with that condition where you hurt all over and you’re tired all the time, can needling help?',
      );
      expect(f.recognition?.condition).to.equal('Fibromyalgia');
      const m = await say('my physio says I have tender spots in my muscles that send pain elsewhere, would dry needling help?');
      expect(m.recognition?.condition).to.equal('Myofascial pain syndrome');
      expect((await say('the joint near my ear clicks and aches when I chew, can you help?')).recognition?.condition).to.equal(
        'Temporomandibular joint disorder (TMD)',
      );
    });

    it('low mood and "sleeping probs" get what the article says of its broader words (stress management, insomnia), never "not on the list"', async () => {
      const mood = await say('would acupuncture help my low mood?');
      expect(mood.text).to.match(/stress management/);
      expect(mood.text).to.not.match(/isn’t on the list/);
      expect((await say('can acupuncture help sleeping probs?')).recognition?.condition).to.equal('insomnia');
    });

    it('"which decade did dry needling appear in?" is answered with its age; "older or newer than" with both ages', async () => {
      const d = await say('what decade was dry needling developed in?');
      expect(d.text).to.match(/1980s/);
      expect(d.text).to.not.match(/ancient/);
      const both = await say('is acupuncture older or newer than dry needling?');
      expect(both.text).to.match(/ancient Chinese medicine/);
      expect(both.text).to.match(/1980s/);
    });
  });
  describe("the kinds of pair 31/32's misses (read after their honest run)", () => {
    it('a named condition that only shares symptoms with a listed one (Raynaud’s, Bell’s palsy, restless legs) is said to be unlisted, never "the closest condition"', async () => {
      for (const [text, name] of [
        ['my toes go white and numb when it is cold, it is Raynaud’s. Can dry needling help?', /Raynaud/],
        ['I was told it was Bells palsy and my cheek still feels weak on one side. do you treat that?', /Bells palsy/i],
        ['Restless legs keep me up every night. Is that something your needles treat?', /Restless legs/i],
      ] as Array<[string, RegExp]>) {
        const r = await say(text);
        expect(r.text, text).to.match(name);
        expect(r.text, text).to.match(/isn’t on the list/);
        expect(r.text, text).to.not.match(/closest condition/);
      }
    });

    it('"is that on your list?" and "anything on your list for me?" after a complaint is about that complaint', async () => {
      const c = new Conversation();
      await c.say('I had my hip replaced in March');
      const r = await c.say('so is that on your list?');
      expect(r.recognition?.condition).to.equal('Post-surgical pain');
      const c2 = new Conversation();
      await c2.say('my jaw clicks and aches when I chew');
      expect((await c2.say('anything on your list for me?')).recognition?.condition).to.equal('Temporomandibular joint disorder (TMD)');
    });

    it('"is this chat automated?" says it is an automated assistant', async () => {
      const r = await say('quick one, is this chat automated?');
      expect(r.text).to.match(/automated assistant/);
    });

    it('the name of the clinic’s practitioner is for the clinic to give: its contact details, not who practises dry needling in general', async () => {
      const r = await say('what is the name of the physio who does the dry needling there?');
      expect(r.text).to.match(/Phone:/);
      expect(r.text).to.not.match(/Myotherapy/);
    });

    it('after a recommendation, "is that the one from the 1980s?" and "why is that one better for me?" are about the one recommended', async () => {
      const c = new Conversation();
      await c.say('acupuncture or dry needling for my sore shoulder? it catches when I lift my arm');
      expect((await c.say('is that the newer one from the 1980s?')).text).to.match(/1980s/);
      const r = await c.say('and why is that one better for me than the other?');
      expect(r.text).to.match(/musculoskeletal|muscle relief/);
    });

    it('both ages for "how old are they?", "is either one a recent invention?"; one for "is acupuncture a modern treatment?"; "the other one" after "the more modern one" is acupuncture', async () => {
      for (const text of ['how old are they both?', 'do both use needles? is either one a recent invention?']) {
        const r = await say(text);
        expect(r.text, text).to.match(/ancient Chinese medicine/);
        expect(r.text, text).to.match(/1980s/);
      }
      const one = await say('is acupuncture a modern treatment?');
      expect(one.text).to.match(/ancient Chinese medicine/);
      expect(one.text).to.not.match(/1980s/);
      const c = new Conversation();
      await c.say('which one is the more modern treatment?');
      expect((await c.say('and how old is the other one?')).text).to.match(/ancient/);
    });

    it('two complaints told apart ("and also bad heartburn") are both answered; a body part named before "pain for years" is that body part’s condition', async () => {
      const r = await say('I have tennis elbow and also bad heartburn, what would help each?');
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.match(/digestive issues/);
      expect((await say('had knee pain for years, can you help?')).recognition?.condition).to.equal(
        'Knee pain, including patellofemoral pain syndrome',
      );
    });

    it('texted body parts ("my nek is killin me") and a racing mind at bedtime are understood; the tendon from calf to heel is the Achilles', async () => {
      expect((await say('my nek is killin me 3 months now. dn any gd?')).recognition?.condition).to.equal('Neck pain and tension headaches');
      expect((await say('could acupuncture calm my racing mind at night? I lie awake for ages')).recognition?.condition).to.equal('insomnia');
      expect(
        (await say('the tendon from my calf into my heel is tight and creaky every morning, can needling help?')).recognition?.condition,
      ).to.equal('Achilles tendinopathy');
    });

    it('after dry needling, "is it from Chinese medicine as well?" says whose tradition that is; after trigger points, "why do they hurt?" is the lactic acid passage', async () => {
      const c = new Conversation();
      await c.say('what does dry needling treat?');
      const r = await c.say('is it from Chinese medicine as well?');
      expect(r.text).to.match(/belongs to acupuncture/);
      expect(r.text).to.match(/Western medicine/);
      const k = new Conversation();
      await k.say('what exactly is a trigger point?');
      expect((await k.say('so why do they hurt?')).text).to.match(/lactic acid/);
    });

    it("pair 33/34's kinds: 'which mineral…' is the article's fact, one treatment's start asked in a second question, 'been around as long as' both ages, a diagnosis longer than its body part ('frozen shoulder') is not named by the list, an unlisted condition after 'and also for'", async () => {
      expect((await say('which mineral gets affected by knots in the muscles?')).text).to.match(/magnesium/);
      const start = await say('Does dry needling use trigger points? And when did it start, roughly?');
      expect(start.text).to.match(/1980s/);
      const both = await say('has acupuncture been around longer than dry needling?');
      expect(both.text).to.match(/ancient/);
      expect(both.text).to.match(/1980s/);
      const frozen = await say('can dry needling help a frozen shoulder? it barely lifts');
      expect(frozen.text).to.match(/does not mention “frozen shoulder”|“frozen shoulder” isn’t on the list/);
      expect(frozen.text).to.not.match(/closest condition/);
      expect(frozen.text).to.not.match(/^Yes/);
      const also = await say('can you do dry needling for my tennis elbow, and also for my son’s eczema?');
      expect(also.text).to.match(/Tennis elbow/);
      expect(also.text).to.match(/eczema” isn’t on the list/);
    });

    it('social turns: praise for a visit is thanked, "see you at my appointment" is a goodbye, "do you remember me?" says it is automated', async () => {
      expect((await say('you guys are great, my dad loved his last visit')).recognition?.intent).to.equal('thanks');
      const bye = await say('thanks, see you at my appointment on Friday');
      expect(bye.recognition?.intent).to.equal('thanks');
      expect((await say('do you remember me from my last chat?')).text).to.match(/automated assistant/);
    });

    it('an unlisted condition typed as the answer to "what would you like help with?" is said to be unlisted', async () => {
      const c = new Conversation();
      await c.say('which treatment should I choose?');
      const r = await c.say('Eczema.');
      expect(r.text).to.match(/isn’t on the list/);
    });
  });
  describe("the kinds of pair 35/36's misses (read after their honest run)", () => {
    it("pair 35/36's kinds: a thing we do not know asked of a treatment ('would needles clear up my rosacea?', 'is there dry needling for bunions?', 'hiccups acu??', 'is acupuncture used for PCOS at all?', 'I have an overactive bladder. Is acupuncture recommended for that?') is named back as not on the list, never declined as off-topic or answered with a passage", async () => {
      const asked: Array<[string, RegExp]> = [
        ['would needles clear up my rosacea?', /rosacea/],
        ['is there dry needling for bunions?', /bunions/],
        ['hiccups acu??', /hiccups/],
        ['is acupuncture used for PCOS at all?', /PCOS/],
        ['I have an overactive bladder. Is acupuncture recommended for that?', /overactive bladder/],
        ['Is it any good for a stutter? Asking for my son.', /stutter/],
        ['My mum has early dementia. Could acupuncture slow it down?', /isn’t on the list/],
      ];
      for (const [text, named] of asked) {
        const r = await say(text);
        expect(r.text, text).to.match(/isn’t on the list/);
        expect(r.text, text).to.match(named);
        expect(r.text, text).to.not.match(/not something I can help with|^Yes/);
      }
      const suits = await say('Which one suits me? I have gout.');
      expect(suits.text).to.match(/isn’t on the list/);
      // (a treatment's own passage still answers a question whose unknown word is no thing asked about)
      expect((await say('Is dry needling about 40 years old or older than that?')).text).to.match(/1980s/);
      expect((await say('what is acupuncture increasingly being used for nowadays?')).text).to.match(/stress management/);
    });

    it("a side one cannot sleep on is the body part's complaint, not insomnia; the bottom of 'the' back is the lower back; a stomach 'in knots' is nerves, not a muscle knot", async () => {
      const hip = await say("there's a dull ache on the outside of my hip and I can't sleep on that side, do you treat that?");
      expect(hip.recognition?.condition).to.equal('Hip pain, including piriformis syndrome');
      const back = await say('bottom of the back has been sore for years from lifting at work, any good?');
      expect(back.recognition?.condition).to.equal('Chronic lower back pain');
      const c = new Conversation();
      await c.say('which one would you recommend for me?');
      const gut = await c.say("it's mostly stress, my stomach is always in knots before work");
      expect(gut.text).to.match(/acupuncture/);
      expect(gut.text).to.not.match(/points to dry needling/);
    });

    it('in "which suits me", "more of an internal thing than a muscle thing" is internal and "I\'d rather not say" carries on, never a handoff', async () => {
      const internal = await say("It's more of an internal thing than a muscle thing for me. Which would suit?");
      expect(internal.text).to.match(/points to acupuncture/);
      const c = new Conversation();
      await c.say('which one should I book?');
      const rather = await c.say("I'd rather not say, to be honest");
      expect(rather.recognition?.intent).to.not.equal('human');
      expect(rather.text).to.not.match(/flagged this conversation/);
    });

    it('social and follow-up wording: "nice chatting, see you Thursday" is a goodbye, "or are you just a program?" is answered truthfully, "is that the one myotherapists use?" is who practises it, "wen was dn made" is its age, "what is acupuncture mostly geared towards?" is what it is for', async () => {
      expect((await say('Nice chatting! See you Thursday')).text).to.match(/Bye for now/);
      expect((await say('are you a real person or are you just a program?')).text).to.match(/automated assistant/);
      expect((await afterSaying('what is dry needling?', 'is that the one myotherapists use?')).text).to.match(/Myotherapy/);
      expect((await say('wen was dn made')).text).to.match(/1980s/);
      expect((await say('what is acupuncture mostly geared towards?')).text).to.match(/internal ailments/);
      expect((await say('hiya, never used one of these before so go easy on me!')).text).to.not.match(/not something I can help with/);
    });
    it("pair 37/38's kinds: 'did a computer write these answers?', 'who built you?' and 'you're a bot, right?' are answered truthfully; 'hopeless with computers' is kindly met; 'where do I start?' starts the choice; 'what is acupuncture mostly used for?' is what it is for", async () => {
      for (const text of ['did a computer write these replies?', 'who made you?', "before anything, you're a bot, right?"])
        expect((await say(text)).text, text).to.match(/automated assistant/);
      expect((await say("Sorry, I'm a bit useless with technology.")).text).to.not.match(/not something I can help with/);
      expect((await say("I'd like to choose the right one, where should I start?")).recognition?.intent).to.equal('which_suits');
      expect((await say('what is acupuncture mostly used for?')).text).to.match(/stress management/);
    });
    it("pair 39/40's kinds: 'just wanted to say hi', a typing slip, an 81-year-old's hello and a friend's question about vouchers are met kindly with no crisis line; session details ('how many needles?', bringing an 8 year old) are the team's; the theory, what the needles go along, nutrients delivered, what it is increasingly used for, both for muscles, the cycle it breaks and why byproducts matter are the article's own sentences", async () => {
      for (const [text, r] of await repliesTo([
        'just wanted to say hello',
        'sorry about my typos haha',
        'Oops, I think I typed that in the wrong box',
        "Hello, my name is Joan, I'm 79 and my grandson set this up. Is anybody there?",
      ])) {
        expect(r.text, text).to.not.match(/not something I can help with|Lifeline|call 000/);
      }
      expect((await say('my mate wants to know if you sell gift vouchers')).text).to.not.match(/Lifeline|call 000/);
      for (const [text, r] of await repliesTo([
        'how many needles do you normally put in during a session?',
        'Can I bring my 9 year old in for acupuncture?',
      ])) {
        expect(r.text, text).to.match(/team|contact|Phone/);
        expect(r.text, text).to.not.match(/Myotherapy|ancient Chinese/);
      }
      expect((await say('what is the theory behind dry needling?')).text).to.match(/Western medicine/);
      expect((await say('acupuncturists put the needles along what?')).text).to.match(/meridian/);
      const nutrients = await say('does dry needling deliver nutrients to my muscles?');
      expect(nutrients.text).to.match(/nutrients/);
      expect(nutrients.text).to.not.match(/isn’t on the list/);
      expect((await say('what has acupuncture increasingly been used for lately?')).text).to.match(/stress management/);
      expect((await say('can acupuncture be used for musculoskeletal conditions too, or is that only dry needling?')).text).to.match(
        /both acupuncture and dry needling can be used/,
      );
      const cycle = await say("what's the cycle of tension and pain that dry needling is supposed to break?");
      expect(cycle.text).to.match(/cycle of tension and pain/);
      expect(cycle.text).to.not.match(/see a doctor|000/);
      const byproducts = await say('what are metabolic byproducts and why should I care about them?');
      expect(byproducts.text).to.match(/lactic acid/);
      expect(byproducts.text).to.not.match(/isn’t on the list/);
    });
    it("pair 39/40's kinds: a last word asked alone ('Is knee pain on the list? Hip?') is a question too; 'is tinnitus one of them?' after the list is unlisted; 'osteoarthritis in my hip' is osteoarthritis; 'are you a real person? and what is dry needling?' gets both answers, a question about the clinic's own myotherapist gets the team; a translation asked for is declined", async () => {
      const hip = await say('Is neck pain on the list? Hip?');
      expect(hip.text).to.match(/Neck pain/);
      expect(hip.text).to.match(/Hip pain/);
      const tinnitus = await afterSaying('which conditions is dry needling used for?', 'is tinnitus one of them?');
      expect(tinnitus.text).to.match(/isn’t on the list/);
      const oa = await say("I've got osteoarthritis in my hip, would dry needling help?");
      expect(oa.recognition?.condition).to.equal('Osteoarthritis');
      expect(oa.text).to.not.match(/Hip pain, including piriformis/);
      const both = await say('Am I talking to a real person? And what is acupuncture?');
      expect(both.text).to.match(/automated assistant/);
      expect(both.text).to.match(/Chinese medicine/);
      const staff = await say('Who usually does dry needling? And do you have a myotherapist at your clinic?');
      expect(staff.text).to.match(/Myotherapy/);
      expect(staff.text).to.match(/Phone/);
      const translate = await say("Can you translate 'my knee hurts' into Spanish for me?");
      expect(translate.text).to.match(/not something I can help with/);
      expect(translate.text).to.not.match(/^Yes/);
    });
    it("pair 39/40's kinds: burnt out gets the honest partial answer, not a menu; a stomach that 'goes funny' is the digestive issue described; 'why would a needle in my leg do anything for my stomach?' is how it reaches organs; 'any gd 4 hayfever' is unlisted; 'which needles are meant for me?', a recommendation asked by someone scared of needles and a choice for a teenage son start the choice; 'which type of needling then' after it repeats the recommendation", async () => {
      const burnt = await say('totally burnt out lately, anything in acupuncture for that?');
      expect(burnt.text).to.match(/stress management/);
      expect(burnt.text).to.not.match(/Which of these/);
      const tummy = await say('my tummy goes funny when I get nervous, could acupuncture help?');
      expect(tummy.recognition?.condition).to.equal('digestive issues');
      expect((await say('how could a needle in my foot do anything for my gut?')).text).to.match(/organs/);
      expect((await say('any gd 4 sinus')).text).to.match(/isn’t on the list/);
      for (const [text, r] of await repliesTo([
        'Which needles are right for me?',
        "I'd like a recommendation but honestly I'm scared of needles",
        'hello, trying to choose a treatment for my teenage daughter',
      ])) {
        expect(r.recognition?.intent, text).to.equal('which_suits');
        expect(r.text, text).to.match(/what would you mainly like help with/);
      }
      const c = new Conversation();
      await c.say('can you recommend one?');
      await c.say('my wrists tingle at night, I type all day at work');
      expect((await c.say('ok so which kind of needling then')).text).to.match(/points to dry needling/);
    });
    it("pair 39/40's kinds: 'or are you just a script?' is answered truthfully; a doctor who said the pain is widespread gave no diagnosis of another name (fibromyalgia described); 'is acupuncture an option for him?' of a thing we do not know is unlisted; joints that puff up are what the article calls inflammation, said honestly", async () => {
      expect((await say('do you really understand me or are you just some software?')).text).to.match(/automated assistant/);
      const fibro = await say(
        'my GP said my pain is widespread, I ache pretty much everywhere with tender spots and I am always exhausted. Can you help?',
      );
      expect(fibro.recognition?.condition).to.equal('Fibromyalgia');
      expect((await say('my daughter still wets the bed at 9, is acupuncture an option for her?')).text).to.match(/isn’t on the list/);
      const joints = await say('my joints swell up and get puffy after walking, can needles bring it down?');
      expect(joints.text).to.match(/inflammation/);
      expect(joints.text).to.not.match(/^Yes/);
    });
    it('typed answers to its own questions: "the muscle one", "the eastern one" and "no idea" answer "acupuncture or dry needling?"; two problems told in answer to "what would you mainly like help with?" get each one\'s treatment and which matters most, and then the one chosen', async () => {
      for (const [answer, said] of [
        ['the muscle one', /Dry needling is a treatment developed in the 1980s/],
        ['the eastern one', /Acupuncture is an ancient Chinese medicine practice/],
        ['no idea tbh', /Acupuncture is an ancient Chinese medicine practice[\s\S]*Dry needling/],
      ] as const) {
        const c = new Conversation();
        await c.say('what is it exactly?');
        expect((await c.say(answer)).text, answer).to.match(said);
      }
      const c = new Conversation();
      await c.say('which one would suit me?');
      const both = await c.say('my gut is always bloated and my neck is stiff from work');
      expect(both.text).to.match(/points to acupuncture, and for “Neck pain and tension headaches” to dry needling/);
      expect((await c.say('the neck mostly')).text).to.match(/points to dry needling/);
    });
    it('"how many treatments would I need for sciatica?" is a session detail for the team, whatever it is for; "write me a poem about needles" is declined, never an unlisted condition', async () => {
      const many = await say('how many sessions will I need for my plantar fasciitis?');
      expect(many.text).to.match(/don’t have that information|doesn’t cover that/);
      expect(many.text).to.not.match(/^Yes/);
      const poem = await say('can you write me a poem about acupuncture needles');
      expect(poem.text).to.match(/not something I can help with/);
      expect(poem.text).to.not.match(/isn’t on the list/);
    });
    it('a first message to see it works ("just testing this thing"), who set the chat up ("my son set this up for me, I\'m not great with computers") and "whoops, wrong chat" are met kindly, never declined as off-topic', async () => {
      for (const [text, r] of await repliesTo([
        'just testing this thing',
        "my son set this up for me, I'm not great with computers",
        'whoops wrong chat, sorry',
      ])) {
        expect(r.text, text).to.not.match(/not something I can help with|not sure what you mean/);
      }
    });
  });
  describe("the kinds of pair 41/42's misses (read after their honest run)", () => {
    it('a condition told and then asked about ("…, can you help?", "Is that on your list?", "…if acupuncture is one of the conditions you treat?") is named back as not on the list, never the body part it is on', async () => {
      const rosacea = await say("I've got rosacea on my cheeks, can you help?");
      expect(rosacea.text).to.match(/rosacea/i);
      expect(rosacea.text).to.match(/isn’t on the list/);
      const lupus = await say('I have lupus. Just wondering if acupuncture is one of the conditions you treat?');
      expect(lupus.text).to.match(/“lupus” isn’t on the list/);
      const eczema = await say('My eczema has spread to my knees and elbows. Is that on your list?');
      expect(eczema.text).to.match(/isn’t on the list/);
      expect(eczema.text).to.not.match(/closest condition|Tennis elbow|Knee pain/);
    });
    it('kind words ("you\'re an absolute lifesaver"), a goodbye after "fair enough", a question about the bot\'s feelings and help asked to choose what to book are met as such, never declined', async () => {
      expect((await say("you're an absolute lifesaver")).text).to.match(/Thank you/);
      expect((await say('ok fair enough, bye then')).text).to.match(/Bye/);
      for (const text of ['do you ever get bored of chatting to people?', 'Do you have emotions?'])
        expect((await say(text)).text, text).to.match(/automated assistant/);
      // ("are you happy to…" asks the clinic, not the bot's feelings)
      expect((await say('are you happy to treat pregnant women?')).text).to.not.match(/automated assistant/);
      for (const text of ["I'd like some help working out what to book", 'not sure which one to go for, can you help'])
        expect((await say(text)).text, text).to.match(/what would you mainly like help with/);
    });
    it('a question with a word of the article\'s explanations ("what has lactic acid got to do with muscle knots?") gets that explanation, not the condition of knots; "do you sell magnesium tablets?" does not', async () => {
      const lactic = await say('what has lactic acid got to do with muscle knots?');
      expect(lactic.text).to.match(/lactic acid/);
      expect(lactic.text).to.not.match(/Myofascial pain syndrome/);
      const both = await say('What happens to the magnesium when a knot is released, and why does circulation matter?');
      expect(both.text).to.match(/magnesium/);
      expect((await say('do you sell magnesium tablets?')).text).to.not.match(/lactic acid/);
    });
    it('after a condition, "is that something you treat?" and "the pain that\'s left over" are about it; words the condition\'s name holds ("headaches" after the neck) are that condition; "stiff neck and headaches" is one condition', async () => {
      const c = new Conversation();
      await c.say("I've had shoulder surgery a few months back.");
      expect((await c.say('Would dry needling help with the pain that is still left?')).text).to.match(/Post-surgical pain/);
      const neck = new Conversation();
      await neck.say('Which one would you suggest?');
      await neck.say('My neck.');
      expect((await neck.say('It goes tight at work and then I get headaches by the afternoon.')).text).to.match(/Neck pain and tension headaches/);
      const one = await say('stiff neck and headaches, can you help?');
      expect(one.text).to.match(/Neck pain and tension headaches/);
      expect(one.text).to.not.match(/Migraine/);
    });
    it('a lay account of a diagnosis ("Dr Google says it\'s the band of tissue along the sole") still lets the description name the condition; praise for the website is thanked; "is the list everything, or are there others?" is the list not being exhaustive; who practises acupuncture is its Chinese origin', async () => {
      const heel = await say(
        "Mornings are the worst, the first steps feel like walking on gravel under my heel. Google says it's the band of tissue under the foot. Can you help?",
      );
      expect(heel.text).to.match(/Plantar fasciitis/);
      expect((await say('just wanted to say your website is really easy to use')).text).to.match(/Thank you/);
      expect((await say('is the website easy to use?')).text).to.not.match(/Thank you/);
      expect((await say('Is that list of conditions everything or are there others too?')).text).to.match(/not limited/);
      expect((await say('who practises acupuncture?')).text).to.match(/Chinese/);
      expect((await say('who practises dry needling?')).text).to.match(/Myotherapy|physical therapy/);
    });
    it('"which one is for muscles? and which one is for digestion?" answers each part for its own problem; at "what would you like help with?", "I want something to rebalance my energy" tells the approach and gets the recommendation', async () => {
      const both = await say('Which one is for muscles? And which one is for gut stuff like digestion?');
      expect(both.text).to.match(/points to dry needling/);
      expect(both.text).to.match(/acupuncture/);
      const c = new Conversation();
      await c.say("I'm not sure what I need, can you guide me?");
      const r = await c.say("I'd like something to rebalance my energy, I feel a bit off");
      expect(r.text).to.match(/points to acupuncture/);
      // (more told after a recommendation, "for over a year", is no question about the treatments' history)
      const more = new Conversation();
      await more.say('Which one should I get?');
      await more.say('my lower back');
      const told = await more.say("it's been like that for over two years, the muscles are always tight");
      expect(told.text).to.match(/points to dry needling/);
      expect(told.text).to.not.match(/1980s/);
    });
    it("pair 47/48's kinds (read after their honest run): 'can you tell me what meridians are?' is about meridians, not the help menu; 'which is more for pain and which for wellbeing?' gets what each is more for; a staff question beside a condition question is not dropped; 'not the upper back or between the shoulder blades' denies both; a patient asking if the bot is one of the acupuncturists is told it is automated; 'you've been no help at all' is not thanked; exam nerves, a flat mood and general aches and pains get the article's broader word", async () => {
      expect((await say('Could you tell me what acupoints are?')).text).to.not.match(/You can ask me things like/);
      expect((await say('Can you tell me what meridians are?')).text).to.match(/meridian/i);
      const each = await say('Is one of them more for the muscles and the other more for general wellbeing? Trying to choose');
      expect(each.text).to.match(/muscle relief/);
      expect(each.text).to.match(/internal ailments/);
      const staff = await say('Can dry needling help plantar fasciitis, and do you have a female practitioner?');
      expect(staff.text).to.match(/Plantar fasciitis/);
      expect(staff.text).to.match(/Phone|contact/i);
      const low = await say('Sore low down in my back for a year now, not the neck or between the shoulder blades, can dry needling help?');
      expect(low.text).to.match(/lower back/i);
      expect((await say('Are you one of the practitioners?')).text).to.match(/automated/);
      expect((await say("You've been no help at all")).text).to.not.match(/welcome/i);
      expect((await say('I get exam nerves really badly, can acupuncture help with that?')).text).to.match(/stress management/);
      expect((await say("I've felt flat and low for months, could acupuncture help my mood?")).text).to.match(/stress management/);
      expect((await say('I have general aches and pains all over at my age, is acupuncture any good for that?')).text).to.match(/chronic pain/);
    });
    it("more of pair 47/48's kinds: a new problem told with 'that' is what is asked about, not the last condition; a medication asked for is not advised on; 'not sure which of the two I should be booking' starts the choice; a problem on each side in everyday words gets each side's treatment; ongoing pain hears that both can be used before the approach question; 'do you like your job?' and 'you're very clever, aren't you!' are social", async () => {
      const c = new Conversation();
      await c.say('Does dry needling help plantar fasciitis?');
      const hay = await c.say("I've also got asthma, would it help that?");
      expect(hay.text).to.not.match(/^Yes/);
      expect(hay.text).to.not.match(/Plantar fasciitis/);
      const meds = await say('What medication is best for sciatica?');
      expect(meds.text).to.match(/doctor or pharmacist/);
      expect(meds.text).to.not.match(/points to/);
      expect((await say('Total beginner here, not sure which of the two I should be booking')).text).to.match(
        /what would you mainly like help with/i,
      );
      const two = await say('My shoulders are tight from the desk and my digestion is all over the place. Which one should I choose?');
      expect(two.text).to.match(/acupuncture/);
      expect(two.text).to.match(/dry needling/);
      const pain = new Conversation();
      await pain.say('Which one would suit me?');
      expect((await pain.say("It's chronic pain, I've had it for years")).text).to.match(/both can be used for chronic pain/);
      expect((await say('Do you enjoy your job?')).text).to.match(/automated/);
      expect((await say("You're so clever, aren't you!")).text).to.match(/kind of you/);
    });
    it("pair 49-52's kinds: whether a person reads the chat, asked inside a longer message or as 'one of those AI things', is answered as automated; thanks or a greeting before a question answers the question; 'what can you help me with?' after a greeting is the help; praise ('well done', 'nice website by the way') is thanked; 'how much are they?' is a price for the team", async () => {
      for (const t of [
        'Hello there. Quick question before anything else: is a real person reading what I write?',
        'Is this one of those automated chat bots?',
        'Are you a robot? Asking because I want to explain my whole back history first',
        'Will this message be read by a staff member?',
        'is this chatgpt?',
      ])
        expect((await say(t)).text, t).to.match(/automated/);
      const thanks = await say('ta heaps, one more thing — does it help carpal tunnel');
      expect(thanks.text).to.match(/Carpal tunnel/);
      expect(thanks.text).to.not.match(/welcome/i);
      expect((await say('Hiya, what can you help me with?')).text).to.match(/You can ask me/);
      expect((await say('Great job, well done')).text).to.match(/kind of you/);
      expect((await say('nice site btw')).text).to.match(/kind of you/);
      const price = await say('How much are they?');
      expect(price.text).to.match(/team/);
      expect(price.text).to.not.match(/not the same/);
      // (an age is the clinic's to answer: "done on kids", "any age limits?", "he's 13, can he have it?")
      for (const t of ['Can acupuncture be done on children? My son is 9.', 'Are there any age limits?', "my son's 13, can he have it?"])
        expect((await say(t)).text, t).to.match(/Our team can answer/);
      // (a skin complaint named with a body part is what is asked about, not the listed condition of that part)
      const skin = await say('I get psoriasis on the inside of my elbows, could acupuncture settle it?');
      expect(skin.text).to.match(/isn’t on the list/);
      expect(skin.text).to.not.match(/Golfer/);
      // (what is in a knot is the article's lactic-acid sentence, not the knots' condition; "and magnesium?" too)
      const knots = new Conversation();
      expect((await knots.say('Does lactic acid build up in muscle knots?')).text).to.match(/lactic acid/);
      expect((await knots.say('and magnesium?')).text).to.match(/magnesium/);
      expect((await say('The article mentions targeted pressure. Pressure on what exactly?')).text).to.match(/trigger points/);
      expect((await say('Burnt out from work, I feel flat all the time. Do people come to you for that?')).text).to.match(/stress management/);
      // (follow-ups on a condition: which treatment it is listed for, and the other treatment asked of it)
      const which = new Conversation();
      await which.say('Can dry needling help plantar fasciitis?');
      expect((await which.say('is that done with acupuncture or dry needling?')).text).to.match(/Plantar fasciitis.*dry needling/);
      const other = new Conversation();
      await other.say('Does dry needling help carpal tunnel?');
      expect((await other.say('would acupuncture work for that too?')).text).to.match(/does not list it for acupuncture/);
      // (a description in other words: "knobbly" joints worn with age, the "back low part" of an ESL writer, each
      // part of a message answered when a person is to come in for a named condition)
      expect((await say('my knuckles have gone knobbly and the cartilage is wearing away, can the needles help?')).text).to.match(/Osteoarthritis/);
      expect((await say('my english not so good. my back low part is pain long time. needle can help?')).text).to.match(/lower back/i);
      const both = await say('Does acupuncture help insomnia? And could my wife come in for her golfer’s elbow?');
      expect(both.text).to.match(/insomnia/);
      expect(both.text).to.match(/Golfer’s elbow/);
      // ("which one should I get?" opens with both treatments named)
      expect((await say('Which should I go for, acupuncture or dry needling?')).text).to.match(/Acupuncture and dry needling/);
      // ("ruled out" denies: the condition ruled out is not the one asked about)
      expect((await say('My doctor ruled out arthritis, it is more of a widespread pain condition. Is that on your list?')).text).to.not.match(
        /Osteoarthritis/,
      );
    });

    it("pair 53/54's kinds (read after their honest run): 'thanks. how much is it?' answers the price question, not just the thanks; a listed condition said to be known ('I know osteoarthritis is on your list, but what I've got is RA') is not answered yes; a part said to be fine is not the complaint; 'who came up with acupuncture?' gets its age; 'the thinking behind each one' answers both; 'I'd like to ask about my shoulder' is no booking; a greeting with a weekday and 'who am I chatting with?' are answered; a short 'golfers elbow … dn?' and 'pls help hip pain' are the listed conditions; a number of years is never named as an unlisted condition", async () => {
      const price = new Conversation();
      await price.say('Does dry needling help shin splints?');
      expect((await price.say('thanks! how much is a session?')).text).to.match(/team|phone|contact/i);
      const ra = await say("I know osteoarthritis is on your list, but what I've actually got is rheumatoid arthritis. Could acupuncture help that?");
      expect(ra.text).to.not.match(/^Yes/);
      expect(ra.text).to.match(/rheumatoid arthritis.{0,20}isn’t on the list/);
      const fine = await say('My neck is fine. It is the small of my back that has ached for years, is that something you treat?');
      expect(fine.recognition?.condition).to.equal('Chronic lower back pain');
      expect((await say('who came up with acupuncture?')).text).to.match(/ancient Chinese/);
      const each = await say('what is the idea behind each one?');
      expect(each.text).to.match(/chi/);
      expect(each.text).to.match(/trigger points/);
      expect((await say("Hello, I'd like to ask about my knee.")).recognition?.intent).to.not.equal('booking');
      expect((await say('Happy Monday! What’s new?')).text).to.match(/^Hello/);
      expect((await say('who am I really talking to here?')).text).to.match(/automated assistant/);
      expect((await say('tennis elbow from the gym. dn?')).recognition?.condition).to.match(/Tennis elbow/);
      expect((await say('pls help hip pain when i sit 2 long')).recognition?.condition).to.match(/Hip pain/);
      expect((await say('My heel has hurt for two years now. Would acupuncture or dry needling help?')).text).to.not.match(/“two years”/);
    });

    it("pair 55/56's kinds (read after their honest run): a long-standing pain in a part no listed condition covers is the acupuncture list's chronic pain, not named; stroke rehabilitation is not post-surgical pain; 'anything you can do for dry eyes?' and 'is psoriasis something your treatments are used for?' say it is not on the list; 'can acupuncture stop my husband snoring?' is no booking; 'should I be taking ibuprofen for my knee?' is no medicine advice; a wish for a traditional approach then 'acupuncture or dry needling?' is the choice; 'I don't know anything about either, where do I start?' starts the choice; 'takes me hours to fall asleep' is insomnia; thanks after praise for a visit is thanked", async () => {
      const ribs = await say('I have had an aching pain along my ribs for two years now, could acupuncture help?');
      expect(ribs.text).to.match(/chronic pain/);
      expect(ribs.text).to.match(/does not mention “ribs”/);
      expect((await say('Dad had a stroke in May. Do you use dry needling for stroke rehab?')).text).to.match(/stroke rehab.{0,5} isn’t on the list/);
      expect((await say('Is there anything you can do for dry eyes?')).text).to.match(/isn’t on the list/);
      expect((await say("I've got psoriasis on my knees. Is that something your treatments are used for?")).text).to.match(/isn’t on the list/);
      expect((await say('Can acupuncture stop my wife from snoring?')).recognition?.intent).to.not.equal('booking');
      expect((await say('Should I be taking paracetamol for my sore hip until I come in?')).text).to.match(/can’t give advice about medicines/);
      expect(
        (await say('My dad likes the idea of something traditional that has been around for centuries. Acupuncture or dry needling?')).text,
      ).to.match(/points to acupuncture/);
      expect((await say("I don't know anything about either of these. Where do I start?")).recognition?.intent).to.equal('which_suits');
      expect((await say('It takes me hours to fall asleep most nights. Can you help with that?')).text).to.match(/insomnia/);
      expect((await say('Just wanted to say my session last week was wonderful, thank you')).text).to.match(/welcome/);
    });

    it("pair 57/58's kinds (read after their honest run): numb or tingling fingers at night are carpal tunnel even with a job of repetitive work; a held-down letter ('shoulderrr') is the word; joints 'wearing out' that a GP told of are osteoarthritis; what a friend 'said he had' names no diagnosis; what each treatment is aimed at is answered for both, and any other question in the message too; 'is there anybody there?' and 'is it all bots now?' learn it is automated; word of a visit that went well is thanked; low mood in lay words, hours of shut-eye and diabetic nerve pain get the article's broader word", async () => {
      expect((await say('my fingers tingle and go numb at night, I do data entry all day, can needling help?')).recognition?.condition).to.equal(
        'Carpal tunnel syndrome',
      );
      expect((await say('my shoulderrr is so sore from sleeping on it, can dry needling help?')).recognition?.condition).to.match(/Shoulder/);
      expect((await say('My doctor says the joints in my hands are wearing out with age, stiff every morning. Could needling help?')).text).to.match(
        /Osteoarthritis/,
      );
      expect(
        (await say('my heel is agony first thing in the morning, my brother said he had needles for the same thing and it worked. can you help?'))
          .recognition?.condition,
      ).to.equal('Plantar fasciitis');
      const each = await say('Briefly, what does each treatment focus on? And do you have parking?');
      expect(each.text).to.match(/internal ailments/);
      expect(each.text).to.match(/parking|team|contact|phone/i);
      expect((await say("what's each one mostly aimed at?")).text).to.match(/muscle relief/);
      expect((await say("I'm not good with technology. Is there anybody there?")).text).to.match(/automated assistant/);
      expect((await say('Are there real people at the clinic or is it all bots these days?')).text).to.match(/automated assistant/);
      expect((await say('The acupuncture I had on Monday was brilliant, my neck feels so much better')).text).to.match(/^Thank you/);
      expect((await say('Since losing my dad I feel so weepy and not like myself. Could acupuncture help my mood?')).text).to.match(
        /stress management/,
      );
      expect((await say('I barely get any sleep since the baby came. Can acupuncture help?')).text).to.match(/insomnia/);
      expect((await say('I have diabetic nerve pain in my feet, would acupuncture help?')).text).to.match(/chronic pain/);
    });

    it("pair 59/60's kinds (read after their honest run): a shoulder that hurts throwing a stick for the dog is the writer's own complaint, not a pet's; a five-letter body part with one slip ('my kness ache') is the word; a knock carried from the weekend's footy is a sports injury; the big tendon into the heel is the Achilles; a carer running on empty, an upset tummy that churns and painful periods get the article's broader word; legs restless when lying down are not sciatica", async () => {
      const dog = await say('My right shoulder pinches when I lift my arm to throw the frisbee for the dog. Do you treat that?');
      expect(dog.recognition?.condition).to.equal('Shoulder impingement syndrome');
      expect((await say('can you needle my old dog, his hips are stiff')).recognition?.intent).to.equal('out_of_scope');
      expect((await say('my kness ache after netball, can u help')).recognition?.condition).to.match(/^Knee pain/);
      expect((await say("I'm always carrying a knock from Saturday's footy, is that something you see?")).recognition?.condition).to.equal(
        'Sports injuries',
      );
      expect((await say('The big tendon that goes into my heel is thick and sore after running. Dry needling?')).text).to.match(/Achilles/);
      expect((await say("Looking after my dad full time and I'm running on empty. Could acupuncture help me cope?")).text).to.match(
        /stress management/,
      );
      expect((await say('My periods are really painful every month. Is acupuncture used for that?')).text).to.match(/chronic pain/);
      // ("lie down" ends its verb: what follows is no "down my legs", and restless legs are not sciatica)
      const restless = await say("When I lie down my legs feel jumpy and won't settle, restless legs my doctor says. Would dry needling help?");
      expect(restless.recognition?.condition).to.equal(undefined);
      expect(restless.text).to.match(/isn’t on the list/);
    });
  });

  describe("the kinds of pair 59/60's misses (read after their honest run)", () => {
    it('a product to buy, exercises sent or shown, how many sessions until it is fixed and which practitioner is best get the contact reply, never a condition answer', async () => {
      for (const text of [
        'Which mattress is best for someone with a bad lower back?',
        'could you email me a couple of exercises for my knee pain?',
        'How many acupuncture treatments before my insomnia is sorted?',
        'how long until dry needling gets rid of my sciatica?',
        'Which of your physios is the best at dry needling for tennis elbow?',
      ]) {
        const r = await say(text);
        expect(r.recognition?.outcome, text).to.equal('fallback');
        expect(r.text, text).to.match(/Phone:/);
        expect(r.text, text).to.not.match(/^Yes\b|is one of the conditions/);
      }
      expect((await say('which pillow should I buy for my stiff neck?')).text).to.match(/doesn’t recommend products such as pillows/);
    });

    it('the clinic’s own people asked about inside a message of several questions get the contact part too', async () => {
      const r = await say('Do osteopaths ever use dry needling, and is there an osteo on the team?');
      expect(r.text).to.match(/team|Phone:/);
      const s = await say('Can acupuncture help with stress, and do any of your therapists speak Greek?');
      expect(s.text).to.match(/stress management/);
      expect(s.text).to.match(/Phone:/);
      const t = await afterSaying('do physiotherapists use dry needling?', 'any myotherapists working at your clinic?');
      expect(t.recognition?.outcome).to.equal('fallback');
      expect(t.text).to.match(/Phone:/);
    });

    it('asking whether a practitioner is reading or on the other end, or whether anyone is in at the practice, learns it is automated and how to reach a person; "ok, cheers anyway" is thanks', async () => {
      for (const text of [
        'Will a real acupuncturist see what I write here?',
        'am I messaging one of the physios now?',
        'Hi, is anyone in at the practice at the moment?',
      ]) {
        const r = await say(text);
        expect(r.text, text).to.match(/automated assistant/);
        expect(r.text, text).to.match(/Phone:/);
      }
      const c = new Conversation();
      await c.say('are you a computer?');
      expect((await c.say('hmm ok, cheers anyway')).text).to.match(/welcome/);
    });

    it('which treatment is more for the inside of the body or for muscles is answered from the article, "rather than muscles" setting muscles aside; "the one for muscles" later names dry needling', async () => {
      const inside = await say('Which one targets the stuff happening inside the body, as opposed to muscles?');
      expect(inside.text).to.match(/^(From what you’ve told me, the article points to acupuncture|According to our article, acupuncture)/);
      expect(inside.text).to.match(/internal ailments/);
      const c = new Conversation();
      await c.say('how do the two differ?');
      expect((await c.say('so which ones for the inside stuff?')).text).to.match(/acupuncture/);
      const d = new Conversation();
      await d.say('Which is better for problems with my organs?');
      const how = await d.say('ok and the muscle one, how does it actually work?');
      expect(how.text).to.match(/trigger points|blood flow/);
      expect((await say('My posture is terrible after a decade of office work. Which one would sort that out?')).text).to.match(
        /points to dry needling/,
      );
      expect((await say("I'm after something for my general wellbeing, not an injury. Is dry needling or acupuncture more that?")).text).to.match(
        /^(From what you’ve told me, the article points to acupuncture|According to our article, acupuncture)/,
      );
    });

    it("one treatment's origin asked by comparison ('is dry needling Chinese too?') gets where the article says it comes from", async () => {
      expect((await say('is dry needling a Chinese practice as well?')).text).to.match(/Western medicine/);
      expect((await say('Is acupuncture western too?')).text).to.match(/ancient Chinese/);
    });

    it('needles compared by thickness, or with those for injections, get the article’s "thin needles" and no blood-thinner caution; a message about blood thinners still gets it', async () => {
      for (const text of ['which of the two has finer needles?', 'are these needles similar to a flu shot needle?']) {
        const r = await say(text);
        expect(r.text, text).to.match(/thin needles/);
        expect(r.text, text).to.not.match(/blood thinners/);
      }
      expect((await say('I take blood thinners, is acupuncture ok?')).text).to.match(/blood thinners/);
    });

    it('a question that only points back at a complaint just told ("…tight and knotted. Which treatment targets that?") is answered with that complaint, never with a condition called "that"', async () => {
      const r = await say('My traps feel tight and knotted. Which treatment targets that?');
      expect(r.text).to.match(/dry needling/);
      expect(r.text).to.not.match(/That condition isn’t on the list/);
    });

    it('thanks or praise before a question does not hide it: "great, how do I book?" and "thanks, how do I book" are asked to book', async () => {
      for (const text of ['great, how do I book?', 'thanks, how do I book']) {
        const r = await say(text);
        expect(r.recognition?.intent, text).to.equal('booking');
        expect(r.text, text).to.match(/book/i);
      }
    });

    it('balancing "someone’s" or "your" energy is acupuncture’s chi, and "any real science behind it?" beside chi gets the research as well as the belief', async () => {
      const r = await say("what's the point of balancing a person's energy?");
      expect(r.text).to.match(/chi/);
      expect(r.text).to.not.match(/trigger points/);
      const science = (await say('any real science behind acupuncture, or is it all about chi?')).text;
      expect(science).to.match(/scientific research/);
      expect(science).to.match(/chi/);
    });

    it('praise for the bot or the website ("you are so smart", "I’ll tell my friends about you") is thanked, not declined or asked which condition', async () => {
      for (const text of ['you are so smart', 'really helpful, I will tell my friends about you', 'nice clear website, easy to read']) {
        const r = await say(text);
        expect(r.recognition?.intent, text).to.equal('thanks');
      }
    });

    it('what acupuncture is based on starts with the article’s "an ancient Chinese medicine practice"', async () => {
      expect((await say('what is acupuncture based on?')).text).to.match(/^Acupuncture is an ancient Chinese medicine practice/);
    });

    it('the tendon at the back of the heel in learner’s English ("pain in my heel back part, the tendon") is the Achilles, and "the older one" or "the more modern one" names a treatment by its age', async () => {
      const heel = await say('I have pain in heel back part, the tendon, when I run long. You do needle for it?');
      expect(heel.recognition?.condition).to.equal('Achilles tendinopathy');
      expect((await say('where does the older one come from?')).text).to.match(/ancient Chinese/);
      expect((await say('when did the more modern one start?')).text).to.match(/1980s/);
    });

    it('whether the conditions list is everything or only some of them: the article’s "include, but are not limited to"', async () => {
      expect((await say('is the list on your page all you can treat, or only some of them?')).text).to.match(/not limited to/);
    });
  });

  describe("the kinds of patients-words-test-65's misses (read after two honest runs)", () => {
    it('what dry needling is based on starts with the article’s "grounded in Western medicine principles"', async () => {
      expect((await say('What is dry needling based on?')).text).to.match(/^Dry needling is grounded in Western medicine principles/);
    });

    it('the article’s own words are never spell-corrected into others ("internal" is not "internet"), and which one is "more about" a kind of problem is the choice between the two', async () => {
      const r = await say('Which is more about internal ailments?');
      expect(r.recognition?.outcome).to.equal('answered');
      expect(r.text).to.match(/acupuncture/i);
      expect(r.text).to.match(/internal ailments/);
      const organs = await say('Which of the two is more for internal stuff, like your organs?');
      expect(organs.text).to.match(/internal ailments/);
      expect((await say('which one is better for posture')).text).to.match(/dry needling/i);
    });

    it('right after a recommendation, "and for internal stuff?" or "what if it was more of an internal thing?" is the same choice for that problem, not an unlisted condition', async () => {
      const c = new Conversation();
      await c.say('which of them is better for muscles then?');
      const r = await c.say('and for internal stuff?');
      expect(r.text).to.match(/points to acupuncture/);
      expect(r.text).to.not.match(/isn’t on the list/);
      const d = await afterSaying('Which treatment suits a pulled muscle?', 'And if it was more of an internal thing, like digestion?');
      expect(d.text).to.match(/points to acupuncture/);
    });

    it('how much of a medicine or supplement to take is advice about medicines, never the article’s passage about it', async () => {
      for (const [text, named] of [
        ['How many milligrams of magnesium should I take for cramps?', 'magnesium'],
        ['how much fish oil should i take', 'fish oil'],
        ['whats the right dosage for ibuprofen before a session', 'ibuprofen'],
      ] as const) {
        const r = await say(text);
        expect(r.text, text).to.include(`medicines such as “${named}”`);
        expect(r.text, text).to.not.match(/lactic acid|trigger points/);
      }
      // (how many sessions is the clinic's to say, not a dose)
      expect((await say('how many sessions should i take')).text).to.not.match(/medicines/);
    });

    it('whether the list is complete or the clinic treats "other stuff as well" gets the article’s "not limited to"', async () => {
      const r = await say('Is the list of conditions for dry needling complete, or do you treat other stuff as well?');
      expect(r.text).to.match(/not limited to/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"according to the practitioners" is how a question is put, not a question about the clinic’s staff', async () => {
      const r = await say('What does acupuncture balance, according to the practitioners?');
      expect(r.text).to.match(/chi/);
      // (a patient's own practitioner's word is what they were told)
      expect((await say('My liver function isn’t great according to my doctor. Would acupuncture help balance my organs?')).text).to.not.match(
        /^Yes\b/,
      );
    });

    it('"just browsing, got a few questions maybe" is a greeting, not declined', async () => {
      const r = await say('Hey there, just browsing, got a few questions maybe');
      expect(r.recognition?.intent).to.equal('greeting');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('"nothing specific, just curious" answers the which-suits question as not sure, and the questions go on', async () => {
      const c = new Conversation();
      await c.say('which treatment do you think is better, honestly');
      const r = await c.say("I don't have anything specific, just curious");
      expect(r.text).to.match(/which approach appeals to you more/);
      expect(r.text).to.not.match(/Do you mean acupuncture or dry needling/);
    });

    it('"do you needle it?" right after a condition answer is about that condition', async () => {
      for (const next of ['do you needle it?', 'can you needle that?', 'do you treat it?']) {
        const r = await afterSaying("What's myofascial pain syndrome?", next);
        expect(r.recognition?.condition, next).to.equal('Myofascial pain syndrome');
        expect(r.text, next).to.match(/dry needling/);
      }
    });

    it('"my wife says I should ask" is advice to ask, no diagnosis: the description still names the condition', async () => {
      const r = await say(
        'hi my wife says i should ask. pain in my lower leg going down from my back into my foot, like electric. is that what you call the nerve thing. can u needle it',
      );
      expect(r.recognition?.condition).to.equal('Sciatica');
    });

    it('hands that "go to sleep" are numb hands (carpal tunnel), not sleep', async () => {
      const r = await say('Gripping the steering wheel my hands go to sleep and I shake them out. Do you treat that with dry needling?');
      expect(r.recognition?.condition).to.equal('Carpal tunnel syndrome');
    });

    it('reducing swelling is the article’s inflammation, named honestly as not mentioned by name', async () => {
      const r = await say('can acupuncture reduce swelling?');
      expect(r.text).to.match(/inflammation/);
      expect(r.text).to.include('does not mention “swelling” specifically');
      expect(r.text).to.not.match(/^Yes\b/);
      // (a swollen ankle after rolling it is still the sprain)
      expect((await say('rolled my ankle yesterday and it’s swollen, can dry needling help')).text).to.match(/Ankle sprains/);
    });

    it('a question only the clinic can answer (hours, a policy, a price) beside one that starts a recommendation or names a condition is answered too, never dropped', async () => {
      const hours = await say('Which of the two is better for sleep problems, and are you open on Sunday mornings?');
      expect(hours.text).to.match(/points to acupuncture/);
      expect(hours.text).to.match(/opening hours|Phone:/);
      const policy = await say('My neck has been stiff for months. Can dry needling help? And do you charge if I cancel late?');
      expect(policy.text).to.match(/Neck pain/);
      expect(policy.text).to.match(/Phone:/);
      const price = await say('How much is dry needling compared to acupuncture, and which one is better for sciatica?');
      expect(price.text).to.match(/Sciatica/);
      expect(price.text).to.match(/prices|Phone:/);
      expect(price.text).to.not.match(/\$\s?\d/);
    });

    it('asking for a staff member by name ("Is this Kate?") learns it is automated; thanks for a past visit that helped a body part is thanked', async () => {
      const r = await say('Is this Kate? I rang the clinic yesterday about my knee.');
      expect(r.text).to.match(/automated assistant/);
      expect((await say('is this painful?')).text).to.not.match(/automated assistant/);
      const t = await say('Just a note to say the dry needling I had at your place last month really sorted my back out. Thank you!');
      expect(t.recognition?.intent).to.equal('thanks');
      expect(t.text).to.not.match(/not something I can help with/);
    });

    it('a medical certificate or a sick note is something the clinic’s team answers, not an unlisted condition', async () => {
      for (const text of ['could I get a medical certificate for my boss? my neck has been too stiff to drive', 'do you do sick notes?']) {
        const r = await say(text);
        expect(r.text, text).to.match(/Our article only covers acupuncture and dry needling/);
        expect(r.text, text).to.not.match(/isn’t on the list of conditions/);
      }
    });

    it('an unknown complaint beside a concern a passage covers gets what the article says and the complaint named as unlisted', async () => {
      const r = await say('Can acupuncture help with general low energy and feeling out of balance? I just feel off.');
      expect(r.text).to.match(/chi/);
      expect(r.text).to.include('“general low energy” is not on our article’s list');
    });
  });

  describe("the kinds of session 28's read sets (64, 67, 68, 69, 71: read after their honest runs)", () => {
    it('"am I writing to a real person" and "I like to know who I am speaking with" learn the bot is automated', async () => {
      for (const text of ['Hello, am I writing to a real person here?', 'Before I start I would like to know who I am speaking with, please.']) {
        expect((await say(text)).text, text).to.match(/automated assistant/);
      }
    });

    it('a question announced, not yet asked ("I have a question", "bear with me, I type slowly") is greeted and invited, never declined', async () => {
      for (const text of ['I have a question', 'Hi there, I have a couple of questions but I am a slow typist so bear with me']) {
        const r = await say(text);
        expect(r.text, text).to.match(/What would you like to know\?/);
        expect(r.text, text).to.not.match(/not something I can help with|don’t have that information/);
      }
    });

    it('whether it is safe, or too soon, to have needling given one’s circumstances is the clinic’s to say: no condition "yes" beside it', async () => {
      const r = await say('My lower back aches a lot and I am 30 weeks pregnant. Is it safe for me to have dry needling?');
      expect(r.text).to.match(/doesn’t cover that|don’t have that information/);
      expect(r.text).to.not.match(/Yes\. “Chronic lower back pain”/);
      const soon = await afterSaying(
        'I strained my hamstring at soccer',
        'It happened ten days ago and it is still bruised. Is it too early to have dry needling on it?',
      );
      expect(soon.text).to.match(/don’t have that information/);
      // (two questions are still two answers)
      const both = await say('Can dry needling help after a knee operation? And how soon after the operation could I start?');
      expect(both.text).to.match(/Post-surgical pain/);
      expect(both.text).to.match(/don’t have that information/);
    });

    it('a detail the article leaves out, asked of a listed condition ("how many sessions for my bad lower back?"), names the condition beside the honest no', async () => {
      const r = await say('roughly how many sessions would I need for my sore lower back, its been bad for years?');
      expect(r.text).to.include(
        '“Chronic lower back pain” is on our article’s list of conditions for dry needling, but the article doesn’t cover that',
      );
    });

    it('medicine: stopping it or changing the dose before a session is advice about medicines; "what do you advise?" after it asks nothing new', async () => {
      const r = await say(
        'I am on prednisolone for my arthritis. Should I stop taking it before my appointment or halve the dose? What do you suggest?',
      );
      expect(r.text).to.match(/can’t give advice about medicines/);
      expect(r.text).to.not.match(/That condition isn’t on the list/);
    });

    it('a part of a message that names no condition is never told "that condition isn’t on the list"', async () => {
      const r = await say('When was dry needling developed, and do you have anyone there who speaks Cantonese so my mum can ask them herself?');
      expect(r.text).to.match(/1980s/);
      expect(r.text).to.not.match(/That condition isn’t on the list/);
    });

    it('"Western or Chinese medicine?" names both; "acupuncture\'s" is acupuncture; "chee" is chi', async () => {
      expect((await say('is dry needling Western or Chinese medicine?')).text).to.match(/Western medicine/);
      const theory = await afterSaying('how is dry needling meant to work?', "and acupuncture's theory?");
      expect(theory.text).to.match(/meridian|chi/);
      expect((await say("my nephew says acupuncture works on 'chee', what is that?")).text).to.match(/flow of energy|life force/);
    });

    it('thanks at the end of a short question leave the condition in it ("plantar fashitis?? do u do it. cheers")', async () => {
      const r = await say('plantar fashitis?? do u do it. cheers');
      expect(r.recognition?.condition).to.equal('Plantar fasciitis');
    });

    it('after a condition, "the other one, where it hurts on the inside…" is the other condition; "the other treatment" is still the treatment', async () => {
      const r = await afterSaying('Is tennis elbow on your list?', 'what about the other one, where it hurts on the inner side of the elbow?');
      expect(r.recognition?.condition).to.equal('Golfer’s elbow (medial epicondylitis)');
      const c = new Conversation();
      await c.say('My dad has fibromyalgia, is that something you treat?');
      const t = await c.say('he also sleeps badly, would the other treatment help with that?');
      expect(t.text).to.match(/acupuncture aims to alleviate/);
    });

    it('a person asked about, then their problem ("what about my husband? his is the tendon at the back of the heel") is that problem', async () => {
      const r = await afterSaying(
        'Can dry needling help plantar fasciitis?',
        'what about my husband? his problem is the tendon at the back of the heel. sore when he runs',
      );
      expect(r.recognition?.condition).to.equal('Achilles tendinopathy');
      expect(r.text).to.not.match(/“husband” isn’t on the list/);
      const v = await afterSaying('do you treat sciatica?', 'what about my mum, she gets tinnitus');
      expect(v.text).to.match(/“tinnitus” isn’t on the list/);
    });

    it('"would it do my X too?" after a condition that covers X is that condition there', async () => {
      const r = await afterSaying('Do you treat osteoarthritis?', 'would it do my fingers too? the finger joints are the worst');
      expect(r.recognition?.condition).to.equal('Osteoarthritis');
    });

    it('"and the dry needling one?" after a question about acupuncture asks the same of dry needling', async () => {
      const c = new Conversation();
      await c.say('what is acupuncture?');
      await c.say('and how old is it?');
      expect((await c.say('and the dry needling one?')).text).to.match(/1980s/);
    });

    it('"…and is always getting hurt" goes on telling, no question of its own; a fact named then "which one is it?" is that fact', async () => {
      const r = await say('Our daughter plays netball and is always getting banged up. Is that something you would see?');
      expect(r.recognition?.condition).to.equal('Sports injuries');
      const m = await say('Someone told me dry needling helps with a mineral in the muscles. Which one is it?');
      expect(m.text).to.match(/magnesium/);
      expect(m.text).to.not.match(/points to dry needling/);
    });

    it('a complaint told only by where it is ("my wrist has been sore lately") gets the listed conditions of that place and a question, then what is told next decides', async () => {
      const c = new Conversation();
      const r = await c.say('my wrist has been sore lately, can the needles help?');
      expect(r.text).to.include('“Carpal tunnel syndrome”');
      expect(r.text).to.not.match(/That condition isn’t on the list/);
      expect(r.recognition?.outcome).to.equal('clarify');
      expect((await c.say('it tingles and goes numb at night')).recognition?.condition).to.equal('Carpal tunnel syndrome');
      // (a thing named there is that thing, not the place: "a bunion on my big toe")
      expect((await say('I have a bunion on my big toe, can dry needling shrink it?')).text).to.not.match(/which can affect/);
    });

    it('a concept the patient doubts implies nothing ("sceptical of the energy and life force stuff… I want Western medicine: which one?")', async () => {
      const r = await say(
        'I am pretty sceptical of the meridian and life force stuff. I would like something from Western medicine for my tight calves. Which is that?',
      );
      expect(r.text).to.match(/dry needling/i);
      expect(r.text).to.not.match(/^According to our article, acupuncture practitioners believe/);
    });

    it('"are you one of those AI?" learns the bot is automated; "is it alright if I ask a few questions?" is invited', async () => {
      expect((await say('Are you one of those AI chat things?')).text).to.match(/automated assistant/);
      const ask = await say("Hello, I'm not much good with the computer. Is it alright if I ask a few questions about the needles?");
      expect(ask.text).to.match(/What would you like to know\?/);
    });

    it('opening hours asked when the clinic has not set them: said not set, with who to ask, never the contact block alone', async () => {
      const r = await say('Are you open on Sundays by any chance?');
      expect(r.text).to.match(/opening hours have not been set|Opening hours:/);
    });

    it('a practical question with its reason told ("is there parking? I have a bad hip") gets the clinic\'s honest answer, never a condition\'s answer nobody asked for', async () => {
      const r = await say('Is there parking near you? My knee is bad and I cannot walk far.');
      expect(r.text).to.match(/don’t have that information|contact|call/i);
      expect(r.text).to.not.match(/Knee pain/);
      expect(r.recognition?.outcome).to.not.equal('answered');
      // (asked, the condition is still answered beside the booking)
      const both = await say('I have a bad knee, can dry needling help? And can I book for Friday?');
      expect(both.text).to.match(/Knee pain/);
    });

    it('"who uses dry needling? is it only acupuncturists?" is one question about who practises it, never a definition of acupuncture', async () => {
      const r = await say('Who normally does dry needling? Is it only acupuncturists?');
      expect(r.text).to.match(/Myotherapy/);
      expect(r.text).to.not.match(/ancient Chinese medicine practice/);
    });

    it('worry told with a clenched jaw, then "would acupuncture calm me down?": what the article says of stress, and no "that condition isn\'t on the list"', async () => {
      const r = await say("I'm anxious and wound up most days, my jaw is clenched and I can't switch off. Would acupuncture calm me down?");
      expect(r.text).to.match(/stress management/);
      expect(r.text).to.not.match(/That condition isn’t on the list/);
    });
  });

  describe("the kinds of session 29's fresh sets (read after their honest runs)", () => {
    it('"is this read by a physio or is it automatic?" learns the bot is automated', async () => {
      expect((await say('Does one of the physios read this chat or is it all automated?')).text).to.match(/automated assistant/);
    });

    it('texted spellings of where the back hurts ("lowr bak 4 ages") find the listed condition', async () => {
      const r = await say('lowr bak been sore 4 ages from the desk, wud dn help?');
      expect(r.recognition?.condition).to.equal('Chronic lower back pain');
    });

    it('"how much for both?" asks a price, never what the two share', async () => {
      const r = await say('how much for both of them?');
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.not.match(/They are not the same/);
    });

    it('the modern approach distrusted and the traditional one preferred decides the choice (acupuncture)', async () => {
      const r = await say("I don't really trust all this modern science stuff, I like the traditional way. Which one suits me?");
      expect(r.text).to.match(/points to acupuncture/);
    });

    it('"what is going on inside them?" after knots gets what the article says knots trap (lactic acid, magnesium)', async () => {
      const r = await say('My shoulders are full of knots. What actually happens inside a knot?');
      expect(r.text).to.match(/lactic acid/);
    });

    it('"is that the needles in the muscle one or the Chinese one?" after a condition answer says which list names it', async () => {
      const c = new Conversation();
      expect((await c.say('the bottom of my heel is agony for the first few steps every morning')).recognition?.condition).to.equal(
        'Plantar fasciitis',
      );
      const r = await c.say('is that the needles in the muscle one or the Chinese one?');
      expect(r.text).to.match(/Plantar fasciitis/);
      expect(r.text).to.match(/dry needling/);
    });

    it('a condition told then a booking asked after the comma ("…osteoarthritis in her knees, can she come in with me?") gets both answered', async () => {
      const r = await say(
        'Is plantar fasciitis on your list? And my husband has osteoarthritis in his hips, could he come in with me on the same day?',
      );
      expect(r.text).to.match(/Osteoarthritis/);
      expect(r.text).to.match(/book online|call us/i);
    });

    it('"ok fair enough, what do you know about then?" is asked what the bot can do, not "I didn\'t understand"', async () => {
      const r = await say('ok fair enough, what do you know about then?');
      expect(r.text).to.not.match(/didn’t understand/);
      expect(r.text).to.match(/You can ask me/);
      expect((await say('Thanks heaps, that has cleared it up for me.')).text).to.match(/welcome/);
    });

    it('small talk with the bot ("how is your day going?", "sorry to be a bother") is answered kindly, never declined', async () => {
      for (const t of ["How's your week been? Keeping you busy I bet.", 'Sorry to be a nuisance, you must get asked silly questions all day.']) {
        const r = await say(t);
        expect(r.text, t).to.match(/no bother at all/);
        expect(r.text, t).to.not.match(/not something I can help with/);
      }
      // (a greeting with it is greeted)
      expect((await say('Hello, how are you today?')).text).to.match(/^Hello|^Hi/);
    });

    it('"which of your two treatments would be the better fit for me?" after a wish for balance and a traditional approach is answered (acupuncture)', async () => {
      const r = await say(
        'Nothing hurts really, I just feel run down and out of balance, and I like a traditional approach. Which of your two treatments would be the better fit for me?',
      );
      expect(r.text).to.match(/points to acupuncture/);
    });

    it('a polite lead-in before "am I talking to a real person or a computer program?" still learns the bot is automated', async () => {
      const r = await say('Excuse me for asking, but am I talking to a real person at the clinic or is this one of those computer programs?');
      expect(r.text).to.match(/automated assistant/);
    });

    it('"Apart from the needles, do you also do cupping?" is one question about another service, never the difference between the two', async () => {
      const r = await say('Apart from the needles, do you also do cupping?');
      expect(r.text).to.match(/only covers acupuncture and dry needling/);
      expect(r.text).to.not.match(/different theories/);
    });

    it('pain still there after an operation on a body part names post-surgical pain beside that body part', async () => {
      const r = await say('she had surgery on her knee in June and still has pain there, can dry needling help?');
      expect(r.text).to.match(/Post-surgical pain/);
    });
  });

  describe("the kinds of session 30's read sets (read after their honest runs)", () => {
    it('a half-remembered name ("the fibro thingy", "pirif-something") is the listed condition it begins', async () => {
      expect((await say('does dry needling help the fibro thingy?')).recognition?.condition).to.equal('Fibromyalgia');
      const c = new Conversation();
      await c.say('my buttock aches deep down when I sit in the car for long');
      expect((await c.say('is that the one with the long name, pirif-something?')).text).to.match(/piriformis/);
    });

    it('"is that the acupuncture or the dry needling?" after a condition answer says which list names it', async () => {
      const c = new Conversation();
      await c.say('do you treat plantar fasciitis?');
      const r = await c.say('is that the acupuncture or the dry needling one?');
      expect(r.text).to.match(/list for dry needling/);
    });

    it('more told of the condition just answered, in its own signs, is about it ("mine are the throbbing one-sided ones")', async () => {
      const c = new Conversation();
      await c.say('can acupuncture or dry needling help headaches?');
      const r = await c.say('mine are the pounding one-sided ones, I need a dark quiet room till they pass');
      expect(r.recognition?.condition).to.equal('Migraine and tension-type headaches');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('"is someone actually typing these?" learns the bot is automated; "a lady on the telephone" is a person asked for', async () => {
      expect((await say('haha you are quick, is a real person typing these answers?')).text).to.match(/automated assistant/);
      expect((await say('I am no good with computers. Could a lady ring me on the telephone please?')).text).to.match(/reach a person|flagged/);
    });

    it('what the writer had assumed, told beside a question, is no second question ("…I thought it was ancient like acupuncture")', async () => {
      const r = await say('When was dry needling invented? I always thought it was ancient like acupuncture.');
      expect(r.text).to.match(/1980s/);
      expect(r.text).to.not.match(/ancient Chinese medicine practice/);
    });

    it('whether the needles will hurt, asked after a condition answer, is what the article does not say, not the condition again', async () => {
      const c = new Conversation();
      await c.say('I had knee surgery two months ago and it still aches, can dry needling help with that?');
      const r = await c.say('will the needles around the scar hurt?');
      expect(r.text).to.match(/doesn’t cover that/);
      expect(r.text).to.not.match(/closest condition/);
    });

    it('a complaint told across sentences with one question at the end is answered as the condition it describes', async () => {
      const r = await say(
        "Not my upper back. It's low down, just above my belt. Aches most days for years, worse after sitting. Could needling help?",
      );
      expect(r.text).to.match(/Chronic lower back pain/);
    });

    it('a claim through WorkCover or a health fund, asked with the injury told, is the clinic’s to answer, not a condition’s yes', async () => {
      const r = await say('I strained my back lifting boxes at work. Can I claim the sessions on WorkCover?');
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.not.match(/closest condition|is one of the conditions/);
    });

    it('long-standing pain in an unlisted place is told honestly, with what the article says of chronic pain', async () => {
      const r = await say("an ache under my collarbone that's always there, for years now. worth trying needling?");
      expect(r.text).to.match(/chronic pain/);
      expect(r.text).to.not.match(/^\s*yes\b/i);
    });

    it('"has anyone proven the old one works?" after dry needling asks for the research on acupuncture, not its age', async () => {
      const c = new Conversation();
      await c.say('what is dry needling?');
      const r = await c.say('ok and is there any proof the ancient one actually does anything, or is it all tradition?');
      expect(r.text).to.match(/scientific research/);
    });

    it('"does it hurt when the needle goes in?" asked beside a condition question is what the article does not say, not a passage about knots', async () => {
      const r = await say('Is plantar fasciitis on your list for dry needling? And honestly, does it hurt when the needle goes in?');
      expect(r.text).to.match(/Plantar fasciitis/);
      expect(r.text).to.match(/doesn’t cover that/);
      expect(r.text).to.not.match(/knots” within muscles/);
    });

    it('a complaint on acupuncture’s list asked of "the needles" after a dry needling answer is answered for acupuncture', async () => {
      const c = new Conversation();
      await c.say('does dry needling help sciatica?');
      const r = await c.say('He also gets a lot of bloating and an upset stomach. Is that something the needles can help as well?');
      expect(r.recognition?.treatment).to.equal('acupuncture');
      expect(r.text).to.match(/acupuncture aims to alleviate/);
    });

    it('a lead-in set off by a dash before "is this a real person or a computer program?" still learns the bot is automated', async () => {
      const r = await say("Before I go typing out my whole story - is this a real person I'm talking to or some kind of computer program?");
      expect(r.text).to.match(/automated assistant/);
    });

    it('praise in several sentences ("your page is lovely… Well done to whoever wrote it") is thanked, never declined', async () => {
      const r = await say('Just wanted to say your page is lovely and easy to read. Well done to whoever wrote it.');
      expect(r.text).to.match(/kind of you|welcome/);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('"Couple of quick questions sorry." announces the questions after it, each of which is answered', async () => {
      const r = await say(
        "Couple of quick questions sorry. What's the main difference between the two, briefly? And do you open on Saturdays? I work weekdays in town.",
      );
      expect(r.text).to.match(/different theories/);
      expect(r.text).to.match(/opening hours/);
    });

    it('a listed condition told as someone else\'s words, then "same list?", is answered about that condition', async () => {
      const c = new Conversation();
      await c.say('do you treat neck pain?');
      const r = await c.say("thanks. my husband's chiro reckons his is more of a piriformis thing, deep in the buttock. same list?");
      expect(r.text).to.match(/piriformis/);
      expect(r.text).to.not.match(/Myotherapy/);
    });

    it('"How much money for both?", "is acupuncture alright for a 10 year old?": a price and an age the clinic answers', async () => {
      expect((await say('Thank you. How much money for both?')).text).to.match(/don’t have that information/);
      const r = await say('is acupuncture alright for a 10 year old?');
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.not.match(/ancient Chinese/);
    });

    it('"Is this Karen from reception?" and "did you write all those answers yourself?" learn the bot is automated', async () => {
      expect((await say("Is this Karen from reception? It's Bev, I came in Monday")).text).to.match(/automated assistant/);
      expect((await say("You're so smart. Did you write all those answers about meridians yourself?")).text).to.match(/automated assistant/);
    });
  });

  describe("the kinds of session 31's read sets (read after their honest runs)", () => {
    it('a price asked with a discount and a treatment named is the clinic’s to answer, never a treatment blurb', async () => {
      const r = await say("I'm on the aged pension. Any pensioner discount? And how much is a first session of dry needling?");
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.not.match(/myofascial trigger points|ancient Chinese/);
    });

    it('kind words and a plan to pass the answers on are social, not off-topic', async () => {
      const r = await say('Thank you, you explain things very clearly. I will show my husband all this when he gets home.');
      expect(r.recognition?.intent).to.equal('thanks');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('sleeplessness told in lay words ("awake at 4 in the morning", "mind going round and round") is insomnia by the article’s broader word', async () => {
      const r = await say("Most nights I'm wide awake at 2 in the morning, mind going round and round. Can acupuncture help?");
      expect(r.text).to.match(/insomnia/);
      expect(r.text).to.not.match(/isn’t on the list of conditions/);
    });

    it('a name someone gave the complaint, asked about by a lay word of its own, is said to be unlisted by that name', async () => {
      const r = await say('My ears have been buzzing for a year. The specialist said it is tinnitus. Can you do anything for the buzzing?');
      expect(r.text).to.match(/“(tinnitus|ringing in my ears)” isn’t on the list/);
      expect(r.text).to.not.match(/^\s*yes\b/i);
    });

    it('a greeting before several questions does not hide the questions after it', async () => {
      const r = await say(
        'Hello, what does magnesium have to do with knots, can you treat my heel (plantar fasciitis I think), and do you sell vouchers?',
      );
      expect(r.text).to.match(/magnesium/);
      expect(r.text).to.match(/Plantar fasciitis/);
    });

    it('"am i chatting w a real person" learns the bot is automated; "is anyone there on saturdays?" asks the hours', async () => {
      expect((await say('am i talkin w a real person or what')).text).to.match(/automated assistant/);
      expect((await say('is anybody actually there?')).text).to.match(/automated assistant/);
      const hours = await say('is anyone there on sundays?');
      expect(hours.text).to.match(/opening hours/);
      expect(hours.text).to.not.match(/automated assistant/);
    });

    it('"r u" after "and" starts a second question ("whats a meridian and r u open late")', async () => {
      const r = await say('whats a meridian and r u open late thursdays');
      expect(r.text).to.match(/meridian/);
      expect(r.text).to.match(/opening hours/);
    });

    it('a heel described for a mum who volunteers at the op shop is plantar fasciitis, not post-surgical pain', async () => {
      const r = await say(
        'My mum gets a stabbing pain under her heel with her first steps out of bed. She is on her feet all day at the op shop. Can you help her?',
      );
      expect(r.recognition?.condition).to.equal('Plantar fasciitis');
    });

    it('a partner’s complaint in "his" words ("the inner side of his elbow, closest to his body") is read as one’s own would be', async () => {
      const r = await say(
        'My partner is a joiner and complains of an ache on the inner side of his elbow, the side closest to his body, running down into his forearm. Worst when he swings a hammer or lugs his toolbox, and his grip is weaker. Is that on your list?',
      );
      expect(r.text).to.match(/Golfer/);
    });

    it('a recommendation asked beside a session count still gets the honest "our team can tell you" for the count', async () => {
      const r = await say('I get tension headaches most weeks. Which of the two would you use, and how many appointments would it take?');
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.match(/dry needling/);
    });

    it('"does that count?" after an operation told, following a condition answer, is the post-surgical answer alone', async () => {
      const c = new Conversation();
      await c.say('do you treat tennis elbow?');
      const r = await c.say('I had the tendon operated on two months ago and the scar is still sore. Does that count?');
      expect(r.text).to.match(/Post-surgical pain/);
      expect(r.text).to.not.match(/don’t have that information/);
    });

    it('a visitor "having a squiz at what you do" is greeted, not declined', async () => {
      const r = await say('hiya, just having a squiz at what you do, cheers');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('an unlisted complaint asked as "do you do the acupuncture for it" or "something your clinic offers for it" is said to be unlisted, and nothing else', async () => {
      const r = await say(
        'My hair is thinning on top. I saw needles in a person’s scalp on TikTok. Is that something your clinic offers for hair loss?',
      );
      expect(r.text).to.match(/isn’t on the list of conditions/);
      expect(r.text).to.not.match(/don’t have that information/);
      const w = await say('Need to drop 8 kilos. Do you do the acupuncture for weight loss?');
      expect(w.text).to.match(/“weight loss” isn’t on the list/);
    });

    it('asked to "grow it back" or "speed that up" for an unlisted complaint is told it is unlisted', async () => {
      const r = await say('my hair is thinning on top, could acupuncture grow it back?');
      expect(r.text).to.match(/isn’t on the list of conditions/);
      expect(r.text).to.not.match(/^\s*yes\b/i);
    });
  });

  describe("the kinds of session 32's read sets (read after their honest runs)", () => {
    it('which treatment a condition is for, asked by what each is like ("the needles-in-the-knots one or the chi one"), names the list, never "Yes."', async () => {
      for (const asked of [
        'Is that with the needles-in-the-knots one or the chi one?',
        'which one would that be, the chinese one or the western one?',
      ]) {
        const c = new Conversation();
        await c.say("My dad gets migraines most weeks, he's tried just about every tablet going.");
        const r = await c.say(asked);
        expect(r.text, asked).to.match(/Migraine and tension-type headaches is on our article’s list for dry needling/);
        expect(r.text, asked).to.not.match(/^\s*yes\b/i);
      }
    });

    it('swelling told in lay words ("knuckles puff up and get hot") is inflammation by the article’s broader word, never unlisted', async () => {
      const r = await say('my knuckles puff up and get hot after a day at work, could acupuncture help?');
      expect(r.text).to.match(/inflammation/);
      expect(r.text).to.not.match(/isn’t on the list of conditions|^\s*yes\b/i);
    });

    it('a low patch told in lay words ("flat every winter, can’t be bothered") is stress management by the broader word', async () => {
      const r = await say('i get really flat every winter and cant be bothered with anything, would acupuncture help');
      expect(r.text).to.match(/stress management/);
      expect(r.text).to.not.match(/isn’t on the list of conditions/);
    });

    it('feeling "out of sorts and unbalanced" gets what the article says of balancing chi', async () => {
      const r = await say('Ive felt out of sorts and unbalanced since my divorce, is acupuncture meant for that kind of thing?');
      expect(r.text).to.match(/balance a person’s chi/);
    });

    it('an old injury that aches whenever it gets cold is chronic pain by the broader word, not off-topic', async () => {
      const r = await say('broke my collarbone years ago and it aches whenever it gets cold. can either of you help with that');
      expect(r.text).to.match(/chronic pain/);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('the two treatments named by what they are ("the chinese needles n the muscle needles") are compared, and naming them tells no preference', async () => {
      const r = await say('r the chinese needles n the muscle needles basically the same');
      expect(r.text).to.match(/not the same|inherently different theories/);
      const w = await say('which is better for my sore muscles, the chinese one or the muscle one?');
      expect(w.text).to.match(/points to dry needling/);
      expect(w.text).to.not.match(/You prefer the Chinese medicine approach/);
    });

    it('"is it the nerves or all energy stuff" gets what the research says of nerve signalling', async () => {
      const r = await say('do the needles do something to your nerves or is it all energy stuff');
      expect(r.text).to.match(/nerve signalling/);
    });

    it('SMS "4" and "n" and "wats" are read as "for", "and" and "what": each question of a texted message is answered', async () => {
      const r = await say('which ones more 4 stuff like digestion n sleep');
      expect(r.text).to.match(/acupuncture/);
      expect(r.text).to.match(/internal ailments/);
      const w = await say('whens dn from n who does it');
      expect(w.text).to.match(/1980s/);
      expect(w.text).to.match(/Myotherapy/);
      expect(w.text).to.not.match(/don’t have that information/);
      const p = await say('do u do acu for insomnia n do u have parking');
      expect(p.text).to.match(/insomnia/);
      expect(p.text).to.match(/don’t have that information|call us/);
      const c = await say('is acupuncture from china? n wats meridians');
      expect(c.text).to.match(/meridian lines/);
    });

    it('"did my calf at netball" is an injury told, matched to the list', async () => {
      const r = await say('did my calf at netball tues, can dry needling help');
      expect(r.text).to.match(/Sports injuries|Muscle strains/);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('"is that the chinese one or the western one?" after a condition told in lay words names it, its list and where that treatment comes from', async () => {
      const c = new Conversation();
      await c.say('pulled something in my calf sprinting for the bus');
      const r = await c.say('is that the chinese one or the western one?');
      expect(r.text).to.match(/Muscle strains and sprains/);
      expect(r.text).to.match(/Western medicine/);
      expect(r.text).to.not.match(/^\s*yes\b/i);
    });

    it('a day as it is texted after a time word ("open sun") is that day; "I sat at my desk" is still sitting', async () => {
      const r = await say('r u open sun');
      expect(r.text).to.match(/opening hours/);
      const w = await say('i sat at my desk all day and my lower back aches, can dry needling help');
      expect(w.text).to.match(/Chronic lower back pain/);
    });

    it('what a neighbour said of the clinic ("says your clinic does the needles") is no diagnosis: the heel described is still matched', async () => {
      const r = await say(
        'For months the bottom of my heel has been very sore, worst with the first steps out of bed. My friend says your clinic does needles. Can you treat it?',
      );
      expect(r.text).to.match(/Plantar fasciitis/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('praise for the website is thanked, not declined', async () => {
      const r = await say('What a lovely website, it is very easy to read even for an old man like me. Well done to whoever made it.');
      expect(r.recognition?.intent).to.equal('thanks');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('whether to stop a blood thinner before needling is medicine advice, said once, never a blood-flow passage', async () => {
      const r = await say('I am on warfarin tablets for my heart. Before my dry needling, should I stop the blood thinner for a few days?');
      expect(r.text).to.match(/can’t give advice about medicines/);
      expect(r.text.match(/can’t give advice about medicines/g)).to.have.length(1);
      expect(r.text).to.not.match(/enhancing blood flow/);
    });
  });

  describe("the kinds of session 33's read sets (read after their honest runs)", () => {
    it('"is this an automated chat?" while the bot waits for a choice is answered: the bot says it is automated', async () => {
      const c = new Conversation();
      await c.say('what is it used for');
      const r = await c.say('Is this an automated chat or is someone typing?');
      expect(r.text).to.match(/automated assistant/);
      expect(r.text).to.not.match(/Please choose/);
    });

    it('who sent the patient and a hello before booking is a greeting, not a question about a treatment', async () => {
      const r = await say("Hiya, my physio gave me your clinic's name. Just wanted to say hello before I book.");
      expect(r.recognition?.intent).to.equal('greeting');
      expect(r.text).to.not.match(/Do you mean acupuncture or dry needling/);
    });

    it('"is he old enough to have it?" after a condition asks about the treatment for his age, which the team answers', async () => {
      const c = new Conversation();
      await c.say('Is dry needling used for sports injuries? My son plays under 16s rugby.');
      const r = await c.say("He's 15, is he old enough to have it?");
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.not.match(/^\s*yes\b/i);
    });

    it('"does that hurt?" after trigger points asks how the treatment feels, which the article does not say', async () => {
      const c = new Conversation();
      await c.say("What's a trigger point?");
      const r = await c.say('Does that hurt?');
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.not.match(/Which condition/);
    });

    it('a "when" that joins a clause ("what happens in the muscle when you do it?") asks no date', async () => {
      const c = new Conversation();
      await c.say('Can dry needling help with repetitive strain injuries?');
      const r = await c.say('What actually happens in the muscle when you do it?');
      expect(r.text).to.match(/blood flow|trigger points/);
      expect(r.text).to.not.match(/1980s/);
    });

    it('"when was it invented?" and "how old is it?" after one treatment ask that treatment\'s age only', async () => {
      const c = new Conversation();
      await c.say('what is dry needling');
      const r = await c.say('when was it invented');
      expect(r.text).to.match(/1980s/);
      expect(r.text).to.not.match(/ancient Chinese/);
      const a = new Conversation();
      await a.say('what is acupuncture');
      const o = await a.say('how old is it');
      expect(o.text).to.match(/ancient Chinese/);
      expect(o.text).to.not.match(/don’t have that information/);
    });

    it('"is it Chinese like acupuncture then?" after dry needling asks about dry needling', async () => {
      const c = new Conversation();
      await c.say('Do you do dry needling for fibromyalgia?');
      const r = await c.say('Is it Chinese like acupuncture then?');
      expect(r.text).to.match(/Western medicine/);
      expect(r.text).to.not.match(/^\s*yes\b/i);
    });

    it('doubt that it works ("legit or woo woo?", "actually work or a scam?") gets what the article says of research and theory', async () => {
      const r = await say('is acupuncture legit or woo woo 🤔');
      expect(r.text).to.match(/scientific research/);
      const d = await say('does dry needling actually work or is it a scam');
      expect(d.text).to.match(/trigger points/);
      expect(d.text).to.not.match(/Sorry, I’m not sure what you mean/);
    });

    it('lumps in the shoulders "like marbles" are the knots dry needling targets, not an unlisted condition', async () => {
      const r = await say("I've got lumps in the tops of my shoulders that feel like marbles. Would dry needling get rid of those lumps?");
      expect(r.text).to.match(/knots/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"how is it supposed to work on the stomach?" after digestive issues gets how acupuncture reaches the organs', async () => {
      const c = new Conversation();
      await c.say('My mother-in-law swears acupuncture fixed her stomach problems. Is digestion something acupuncture is used for?');
      const r = await c.say("How is it supposed to work on the stomach though, the needles don't go anywhere near it?");
      expect(r.text).to.match(/organs/);
      expect(r.text).to.match(/meridian|nerve signalling/);
    });

    it('a part of several the model is unsure of ("does it help with recovery") is answered from the passage that says it', async () => {
      const r = await say(
        'I pulled a hammy sprinting. Do you treat muscle strains with dry needling, does it help with recovery, and how long is a typical session?',
      );
      expect(r.text).to.match(/Muscle strains and sprains/);
      expect(r.text).to.match(/blood flow/);
      expect(r.text).to.match(/don’t have that information/);
    });

    it('what someone said before "what\'s it used for?" tells, it names no condition: the uses are answered', async () => {
      const r = await say("My mum said acupuncture is getting more popular. What's it used for?");
      expect(r.text).to.match(/digestive issues/);
      expect(r.text).to.not.match(/isn’t on the list/);
      const a = await say(
        "My aunty said acupuncture is getting more popular for some newer uses. What does the article say it's increasingly being used for?",
      );
      expect(a.text).to.match(/stress management and inflammation/);
      expect(a.text).to.not.match(/isn’t on the list/);
    });

    it('whether something unlisted "counts as" a listed condition gets the honest partial answer, never "Yes"', async () => {
      for (const q of ['would gout fall under osteoarthritis?', 'I have gout in my knee, does that count as knee pain?']) {
        const r = await say(q);
        expect(r.text, q).to.match(/does not mention “gout” specifically/);
        expect(r.text, q).to.not.match(/^\s*yes\b/i);
      }
      const c = new Conversation();
      await c.say("Is gout one of the things you'd needle?");
      const r = await c.say('does it count under osteoarthritis?');
      expect(r.text).to.match(/Osteoarthritis/);
      expect(r.text).to.match(/does not mention “gout” specifically/);
      expect(r.text).to.not.match(/^\s*yes\b/i);
    });

    it('"catching the train" is a ride, not a sports injury: the parking question gets the clinic', async () => {
      const r = await say('Is there parking near the clinic or am I better off catching the train?');
      expect(r.text).to.not.match(/Sports injuries/);
      expect(r.text).to.match(/\+61|call us|contact/);
      const k = await say('hurt my knee at training, catching feeling when i bend it');
      expect(k.text).to.match(/Knee pain/);
    });

    it('"what\'s stuck in them that makes them hurt?" after trigger points gets what the knots trap', async () => {
      const c = new Conversation();
      await c.say('what exactly is a trigger point?');
      const r = await c.say("and what's stuck in them that makes them hurt?");
      expect(r.text).to.match(/lactic acid/);
    });

    it('what the article\'s "internal ailments" are, asked, gets its examples for acupuncture', async () => {
      for (const q of [
        "The bit where you say acupuncture is 'more towards alleviating internal ailments' - what sorts of things count as internal?",
        'what counts as an internal ailment',
        'what kind of problems are these internal ailments?',
      ]) {
        const r = await say(q);
        expect(r.text, q).to.match(/digestive issues, insomnia/);
        expect(r.text, q).to.not.match(/Do you mean acupuncture or dry needling/);
      }
    });

    it('the difference asked in doubt ("how can they be completely different things?") gets the theories of each', async () => {
      const r = await say(
        'If they both just put thin needles in you, how can they be completely different things? Seems like splitting hairs to me.',
      );
      expect(r.text).to.match(/meridian/);
      expect(r.text).to.match(/trigger points|Western medicine/);
    });

    it('"the Chinese one" and "the western one" point to a treatment; "is it much older?" gets both ages', async () => {
      const c = new Conversation();
      await c.say('what is the difference between acupuncture and dry needling');
      const r = await c.say('the Chinese one, is that one much older?');
      expect(r.text).to.match(/ancient Chinese/);
      expect(r.text).to.match(/1980s/);
      const w = await say('how does the western one work?');
      expect(w.text).to.match(/trigger points/);
      expect(w.text).to.not.match(/Do you mean acupuncture or dry needling/);
      const o = await say('is acupuncture much older?');
      expect(o.text).to.match(/1980s/);
      expect(o.text).to.not.match(/don’t have that information/);
    });

    it('the difference asked beside "which one is more aimed at stress?" is answered too, not dropped for the choice', async () => {
      const r = await say("In a nutshell, what's the main difference between the two, and which one is more aimed at stress?");
      expect(r.text).to.match(/different theories/);
      expect(r.text).to.match(/stress management/);
      const hours = await say('Which of the two is better for sleep problems, and are you open on Sunday mornings?');
      expect(hours.text).to.match(/points to acupuncture/);
    });

    it('"ok I\'ll tell my husband, can he come too?" is a question, never "you\'re welcome"', async () => {
      const r = await say("ok I'll tell my husband, can he come too?");
      expect(r.text).to.not.match(/You’re welcome/);
      expect(r.text).to.match(/\+61|contact|call/);
    });
  });

  describe("the kinds of session 34's own probes and read sets (read after their honest runs)", () => {
    it('one treatment had already and the other asked after ("would acupuncture add anything?") gets the difference', async () => {
      for (const m of [
        'my physio does dry needling already, would acupuncture add anything',
        "I've had dry needling before, would acupuncture be worth trying as well?",
      ]) {
        const r = await say(m);
        expect(r.text, m).to.match(/different theories/);
        expect(r.text, m).to.not.match(/isn’t on the list|Which condition/);
      }
    });

    it('a bare complaint of a listed place ("my wrists are sore", "do you treat achy wrists") names the listed conditions there', async () => {
      for (const m of ['my wrists are sore', 'do you treat achy wrists', 'sore wrist, can you help']) {
        const r = await say(m);
        expect(r.text, m).to.match(/Carpal tunnel syndrome/);
        expect(r.text, m).to.match(/Repetitive strain injuries/);
        expect(r.text, m).to.not.match(/isn’t on the list|didn’t understand/);
      }
      // a diagnosis of that place is still what is not on the list
      const frozen = await say('Does dry needling help frozen shoulder?');
      expect(frozen.text).to.match(/“frozen shoulder” isn’t on the list/);
    });

    it('an everyday verb the training rarely saw ("which treatment do u reckon") is never taken for an unlisted condition', async () => {
      const r = await say('my wrists are shot from cutting hair all day. which treatment do u reckon');
      expect(r.text).to.match(/Repetitive strain injuries/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it("wanting to get pregnant is a complaint the list does not name, said so in the patient's words", async () => {
      const r = await say("Does acupuncture help with getting pregnant? We've been trying for two years now and a friend swears by it.");
      expect(r.text).to.match(/“getting pregnant” isn’t on the list/);
      expect(r.text).to.not.match(/Which condition/);
    });

    it('how the clinic runs ("do you guys do home visits?", "do u do gift vouchers", "can I pay with afterpay?") gets the phone, never a treatment question', async () => {
      for (const m of ['do you guys do home visits', 'do u guys do gift vouchers', 'can i pay with afterpay', 'is there wheelchair access']) {
        const r = await say(m);
        expect(r.text, m).to.match(/don’t have that information/);
        expect(r.text, m).to.match(/team|phone|contact/i);
        expect(r.text, m).to.not.match(/Do you mean acupuncture or dry needling|didn’t understand|not something I can help with|isn’t on the list/);
      }
    });

    it('"righto, how do I book?" is the booking, whatever filler comes first; "k bye" is a goodbye', async () => {
      const r = await say('righto, how do i book');
      expect(r.recognition?.intent).to.equal('booking');
      expect(r.text).to.not.match(/didn’t understand/);
      // ("k bye", "thx bye": a goodbye in SMS spelling is said goodbye to, not thanked)
      expect((await say('k bye')).text).to.match(/^Bye for now/);
    });

    it('"would dry needling do the same?" after a condition answered for acupuncture asks that condition of dry needling', async () => {
      const c = new Conversation();
      await c.say('does dry needling help tennis elbow');
      const r = await c.say('would acupuncture work the same?');
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.not.match(/Which condition/);
      const a = new Conversation();
      await a.say('can acupuncture help with insomnia');
      const d = await a.say('would dry needling do the same');
      expect(d.text).to.match(/not on our article’s list for dry needling/);
      expect(d.text).to.not.match(/They are not the same/);
    });

    it('"not even under the osteoarthritis one?" after gout asks it back, never a denial of osteoarthritis', async () => {
      const c = new Conversation();
      await c.say('can dry needling help gout in my big toe');
      const r = await c.say('not even under the osteoarthritis one?');
      expect(r.text).to.match(/Osteoarthritis/);
      expect(r.text).to.match(/does not mention “gout”/);
      expect(r.text).to.not.match(/not the same|similarities/);
    });
  });

  describe("the kinds of session 35's read set (patients-words-test-94, read after its honest runs)", () => {
    it('the practitioner asked about as a person (man or woman, how long practising, qualifications) gets the phone once, never the difference between the treatments', async () => {
      for (const m of [
        'Is the acupuncturist there a man or a woman? And how long have they been practising?',
        'is your physio a female',
        'what qualifications do your practitioners have?',
      ]) {
        const r = await say(m);
        expect(r.text, m).to.match(/don’t have that information/);
        expect(r.text, m).to.not.match(/different theories|They are not the same/);
        // (said once, though two parts ask what only the clinic can say)
        expect(r.text.split('don’t have that information').length, m).to.equal(2);
      }
    });

    it('"Is this a real lady I\'m typing to?" is answered truthfully: an automated assistant', async () => {
      const r = await say("Good evening, I'm 82 and my granddaughter set this up for me on the iPad. Is this a real lady I'm typing to?");
      expect(r.text).to.match(/automated assistant/);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('a greeting with small talk, asking nothing, is greeted, not turned away', async () => {
      const r = await say("Hi there! Hope your day's going well. Just having a cuppa on my lunch break and thought I'd have a nosy at your website.");
      expect(r.recognition?.intent).to.equal('greeting');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it("where a treatment comes from, or when it came about beside a claim told, gets that treatment's age and origin", async () => {
      const a = await say(
        'we had a debate in a tutorial about where acupuncture originally comes from. Some said Japan, some said India. Which is it?',
      );
      expect(a.text).to.match(/ancient Chinese medicine/);
      expect(a.text).to.not.match(/1980s/);
      const d = await say('Dear Sir/Madam, I am writing to enquire as to the origins of dry needling. Yours faithfully, Margaret');
      expect(d.text).to.match(/1980s/);
      const c = await say(
        "My dad reckons dry needling is just acupuncture with a new name slapped on. I'm a history buff. When did dry needling actually come about?",
      );
      expect(c.text).to.match(/1980s/);
    });

    it('"what kinds of ailments does acupuncture aim to help with?" after a story lists the ailments, never an unlisted condition', async () => {
      const r = await say(
        "I'm writing a little piece for our bowls club newsletter about alternative therapies. What kinds of ailments does acupuncture traditionally aim to help with? Just after the general list.",
      );
      expect(r.text).to.match(/digestive issues/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('a diagnosis someone named in an earlier sentence ("GP called it vertigo. Can you treat that?") is what is said to be unlisted', async () => {
      const r = await say('When I roll over in bed the whole room spins for about 30 seconds. GP called it vertigo. Can you treat that?');
      expect(r.text).to.match(/“vertigo” isn’t on the list/);
      expect(r.text).to.not.match(/don’t have that information|not something I can help with/);
    });

    it('weight loss asked of the acupoints is a complaint the list does not name, never the research on acupoints', async () => {
      const r = await say('are there acupuncture points that help you lose weight?');
      expect(r.text).to.match(/isn’t on the list/);
      expect(r.text).to.not.match(/nerve signalling/);
    });

    it('"can both be used for things like muscle and joint pain?" gets what each is for, not a recommendation', async () => {
      const r = await say(
        "I'm doing a first aid refresher and someone asked the trainer whether acupuncture and dry needling can both be used for the same kinds of problems. She didn't know. Can both be used for things like muscle and joint pain?",
      );
      expect(r.text).to.match(/musculoskeletal conditions and chronic pain/);
      expect(r.text).to.not.match(/points to dry needling/);
    });

    it('three questions after a long lead-in ("Three quick ones from a busy mum of two: …") are each answered', async () => {
      const r = await say(
        "Three quick ones from a busy mum of two: what's chi, when was dry needling invented, and are you open after 5 so I can come once my partner's home?",
      );
      expect(r.text).to.match(/flow of energy/);
      expect(r.text).to.match(/1980s/);
      // (the hours part: the clinic's hours as configured, or the phone when none are set)
      expect(r.text).to.match(/opening hours|\bopen\b|call us|don’t have that information/i);
    });

    it('a listed condition named with its own place ("osteoarthritis in both knees … from kneeling") is that condition, and "it" after it still is', async () => {
      const c = new Conversation();
      const first = await c.say(
        "I've had osteoarthritis in both knees for years, from decades of kneeling as a floor layer. Is that something dry needling is used for?",
      );
      expect(first.text).to.match(/Osteoarthritis/);
      expect(first.text).to.not.match(/Knee pain/);
      const next = await c.say('and is it going to fix it for good?');
      expect(next.text).to.match(/Osteoarthritis/);
      expect(next.text).to.match(/no promise/);
    });

    it('"I\'m a yoga teacher" is the writer\'s trade, not a therapy to compare; "would that include my period cramps?" after the uses asks about them', async () => {
      const c = new Conversation();
      const first = await c.say(
        "I'm a yoga teacher, and I'm curious what acupuncture is meant to do for the body, like what kinds of things is it for?",
      );
      expect(first.text).to.match(/digestive issues/);
      expect(first.text).to.not.match(/doesn’t cover “yoga”/);
      const next = await c.say('so would that include my period cramps?');
      expect(next.text).to.match(/does not mention “period cramps”|isn’t on the list/);
      expect(next.text).to.not.match(/not sure what you mean/);
    });

    it('"would that one do anything for my posture?" after dry needling was named asks it of dry needling', async () => {
      const c = new Conversation();
      await c.say(
        "Honestly I'm a sceptic. If I'm going to try one, I'd rather go with the one that's more science based than ancient philosophy. Which is that?",
      );
      const r = await c.say(
        "Right, and would that one do anything for my posture? I'm a violinist and I'm twisted to one side from years of playing.",
      );
      expect(r.text).to.match(/postural re-patterning/);
      expect(r.text).to.not.match(/1980s/);
    });

    it('"my arthritic hands" is arthritis, which the list covers by osteoarthritis only partly, never "isn\'t on the list"', async () => {
      const r = await say('can dry needling help my arthritic hands');
      expect(r.text).to.match(/Osteoarthritis/);
      expect(r.text).to.not.match(/isn’t on the list|^Yes/);
    });

    it('a fear of needles told beside "which one would be better for me?" starts the choice, never only reassurance', async () => {
      const r = await say(
        "Hi, I've never had either and I'm a bit nervous of needles to be honest. Which one would be better for me, acupuncture or dry needling?",
      );
      expect(r.text).to.match(/what would you mainly like help with/);
    });

    it('research asked about for dry needling says the article names research only for acupuncture, then what it says of dry needling', async () => {
      const c = new Conversation();
      await c.say('What does the research say acupuncture actually does?');
      const r = await c.say('And is there similar research mentioned for dry needling, or is that one more of a theory?');
      expect(r.text).to.match(/research only for acupuncture/);
      expect(r.text).to.match(/Western medicine principles/);
      expect(r.text).to.not.match(/different theories and beliefs/);
      // (a condition named is still the question)
      expect((await say('is there research showing dry needling helps tennis elbow?')).text).to.match(/Tennis elbow/);
    });

    it('a fear of needles told beside a question about a complaint of another kind answers that complaint; milk supply and weight loss are such complaints', async () => {
      const r = await say("We're about to start IVF. I'm terrified of needles to be honest. Do you do acupuncture for fertility?");
      expect(r.text).to.match(/“fertility” isn’t on the list/);
      expect((await say('can acupuncture boost my milk supply?')).text).to.match(/“milk supply” isn’t on the list/);
      expect((await say('saw an ad for acupuncture for weight loss, is that legit?')).text).to.match(/“weight loss” isn’t on the list/);
    });

    it('"what sort of problems is acupuncture meant to help with?" is the uses question', async () => {
      const r = await say(
        "What kind of problems is acupuncture meant to help with? I've got a mixed bag of issues and want to know if it's worth it.",
      );
      expect(r.text).to.match(/digestive issues/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"when did it come about?" after a belief about dry needling asks dry needling\'s age', async () => {
      const r = await say(
        "I always assumed dry needling was some ancient thing like acupuncture but my physio reckons it's new. When did it actually come about?",
      );
      expect(r.text).to.match(/1980s/);
      expect(r.text).to.not.match(/ancient Chinese medicine practice/);
    });

    it("a session's details asked beside another question are the clinic's to say, never a passage about needles", async () => {
      const r = await say('what is the name of your acupuncturist? and how many needles do you use?');
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.not.match(/thin needles/);
    });
  });
  describe("the kinds of session 36 (set 95's remaining misses, read in session 35)", () => {
    it('a question list announced with a dash ("Couple of questions sorry - 1) … 2) … 3) …") answers every numbered question', async () => {
      const r = await say(
        'Couple of quick questions sorry - 1) who uses dry needling 2) is it the same thing as acupuncture 3) do you do home visits?',
      );
      expect(r.text).to.match(/Myotherapy/);
      expect(r.text).to.match(/not the same|different theories/);
      expect(r.text).to.match(/team|contact|phone/i);
    });

    it('"is dry needling more for muscles and acupuncture for the inside stuff? and which came first?" gets what each is for, then both ages', async () => {
      const r = await say('is acupuncture more for internal stuff and dry needling more for muscles? and which one is older?');
      expect(r.text).to.match(/muscle relief/);
      expect(r.text).to.match(/internal ailments/);
      expect(r.text).to.match(/ancient/);
      expect(r.text).to.match(/1980s/);
      expect(r.text).to.not.match(/What would you mainly like help with/i);
    });

    it('asked which suits, "sore everywhere" or "everything aches" is an answer about muscles, never an unlisted condition', async () => {
      for (const answer of ['plumber, 50, just sore everywhere haha', 'honestly everything aches']) {
        const c = new Conversation();
        await c.say('which would suit me better, acupuncture or dry needling?');
        const r = await c.say(answer);
        expect(r.text, answer).to.match(/points to dry needling/);
        expect(r.text, answer).to.not.match(/isn’t on the list/);
      }
    });

    it('whether to take a medicine or have needling instead is medicine advice for the doctor, never "yes" nor "inflammation" read into anti-inflammatories', async () => {
      for (const m of [
        'my doctor put me on anti-inflammatories for my golfers elbow, should i keep taking them or just try the needling?',
        'could i have acupuncture instead of taking my panadol for my neck?',
      ]) {
        const r = await say(m);
        expect(r.text, m).to.match(/can’t give advice about medicines/);
        expect(r.text, m).to.not.match(/^Yes|“Inflammation”/);
      }
    });

    it('what is inside a knot, or what knots are made of, gets the article\'s lactic acid and magnesium, never a condition\'s "yes"', async () => {
      for (const m of ['what are those muscle knots actually made of?', "what's in a knot that the needle releases?"]) {
        const r = await say(m);
        expect(r.text, m).to.match(/lactic acid/);
        expect(r.text, m).to.not.match(/^Yes/);
      }
    });

    it('whether one treatment hurts more than the other is the comparison the article does not make, never the list of uses', async () => {
      for (const m of ['does acupuncture hurt more than dry needling?', 'is dn less painful than acu', 'is acupuncture gentler than dry needling?']) {
        const r = await say(m);
        expect(r.text, m).to.match(/doesn’t say which one feels less or more comfortable/);
        expect(r.text, m).to.not.match(/digestive issues/);
      }
      expect((await say('is dry needling better than acupuncture?')).text).to.not.match(/feels less or more comfortable/);
    });

    it('which treatment would suit a complaint the lists do not name is told it is not on the list, never asked what it wants help with', async () => {
      for (const m of ['which treatment would suit my gout?', 'which one would suit my asthma better']) {
        const r = await say(m);
        expect(r.text, m).to.match(/isn’t on the list/);
        expect(r.text, m).to.not.match(/what would you mainly like help with/i);
      }
    });

    it('"are you there?", "is this thing even working" are greeted, never "which treatment?" nor "I don\'t have that information"', async () => {
      for (const m of ['are u there?', 'is this thing even working', 'hello?? anyone there']) {
        const r = await say(m);
        expect(r.recognition?.intent, m).to.equal('greeting');
        expect(r.text, m).to.match(/What would you like to know/);
      }
    });

    it('a returning patient asking to come back or book again for a complaint gets the booking details', async () => {
      for (const m of ['can i come back for my other knee?', 'that helped heaps, can i book in again for my neck']) {
        const r = await say(m);
        expect(r.text, m).to.match(/book online|Book online/);
        expect(r.text, m).to.not.match(/^Yes/);
      }
      expect((await say('can i come back if it doesnt help my back')).text).to.not.match(/^You can book online/);
    });

    it('"my carpal" is carpal tunnel, as patients shorten it', async () => {
      expect((await say('can u do my carpal')).text).to.match(/Carpal tunnel syndrome/);
    });

    it('a body part alone asked about ("can dry needling help my wrist?", "would it do my wrist too?") gets that place\'s listed conditions, never "“wrist” isn\'t on the list" nor the condition before', async () => {
      const r = await say('can dn help my wrists');
      expect(r.text).to.match(/Carpal tunnel syndrome/);
      expect(r.text).to.not.match(/isn’t on the list/);
      const c = new Conversation();
      await c.say('does dry needling work for golfers elbow?');
      const next = await c.say('would it do my hands as well?');
      expect(next.text).to.match(/Carpal tunnel syndrome/);
      expect(next.text).to.not.match(/Golfer’s elbow/);
    });

    it('"help me sleep" is said back as "sleep", never "me sleep"', async () => {
      const r = await say('could acupuncture help me sleep through the night?');
      expect(r.text).to.match(/insomnia/);
      expect(r.text).to.not.match(/“me sleep”/);
    });

    it('a complaint of the writer\'s own told without a question ("sore between my shoulder blades from hunching at the laptop") is a question about it, never "not something I can help with"', async () => {
      for (const m of ['aching between my shoulder blades from hunching over the laptop all day', 'my thumb joint aches when i open jars, im 72']) {
        const r = await say(m);
        expect(r.text, m).to.not.match(/not something I can help with/);
        expect(r.recognition?.intent, m).to.equal('condition_query');
      }
      expect((await say('whats the weather doing in melbourne')).text).to.match(/not something I can help with/);
    });

    it('whether one treatment is suitable for a named condition is a question about that condition, never a choice with a preference read into it', async () => {
      const r = await say('Dear Sir/Madam, could you advise whether acupuncture would be suitable for my migraines? Kind regards, Joan');
      expect(r.text).to.match(/Migraine and tension-type headaches/);
      expect(r.text).to.match(/does not list it for acupuncture/);
      expect(r.text).to.not.match(/You prefer|Either could suit you/);
    });

    it('ringing in the ears is said back as the patient put it, not as "ears"', async () => {
      const r = await say("i've got this ringing in my ears that never stops, could acupuncture help?");
      expect(r.text).to.match(/“ringing in my ears” isn’t on the list/);
    });

    it('how a needle gets rid of a knot gets the pressure and blood flow, not the size of the needles', async () => {
      const r = await say('how can such a fine needle get rid of the knots in my traps?');
      expect(r.text).to.match(/blood flow/);
    });
  });

  describe("the kinds of session 37 (set 98's misses, read after its unread runs)", () => {
    it('lying wide awake or a body clock wrecked by shift work gets insomnia, the broader word, and "a run of nights" is no running injury', async () => {
      for (const m of [
        'after a run of night shifts I lie there wide awake all day, would acupuncture help?',
        'my body clock is shot from working nights, can acupuncture do anything for that?',
      ]) {
        const r = await say(m);
        expect(r.text, m).to.match(/insomnia/);
        expect(r.text, m).to.not.match(/Sports injuries/);
      }
      expect((await say('my calf is wrecked after running on the weekend, can needling help?')).text).to.match(/Sports injuries|Muscle strains/);
    });

    it('the price of "a course of that" after a condition answer is a price question for the team, never the condition again', async () => {
      const c = new Conversation();
      await c.say('Do you treat carpal tunnel syndrome?');
      const r = await c.say('good. how much would a course of that cost me roughly?');
      expect(r.text).to.match(/Phone:|contact/i);
      expect(r.text).to.not.match(/Carpal tunnel/);
      expect(r.text).to.not.match(/\$\s?\d/);
    });

    it('ice or heat and a painkiller asked after a sprain are both said to be advice the article does not give, never a "Yes" about sprains nobody asked', async () => {
      const r = await say('I sprained my wrist at basketball last night. Should I be icing it or using heat, and is it OK to take ibuprofen?');
      expect(r.text).to.match(/ice or heat/);
      expect(r.text).to.match(/ibuprofen/);
      expect(r.text).to.not.match(/^Yes/);
      expect(r.text.match(/Phone:/g) ?? [], 'the contact details once').to.have.length(1);
      const alone = await say('should i ice my knee or use heat');
      expect(alone.text).to.match(/ice or heat/);
      expect(alone.text).to.not.match(/^Yes/);
    });

    it('a kind of a listed condition ("cluster headaches") or a place of muscles the lists do not name ("my upper back, between the shoulder blades") is a partial answer: not on the list, and what the article does say', async () => {
      const cluster = await say('I get cluster headaches behind one eye that come in bouts. Do you treat those?');
      expect(cluster.text).to.match(/isn’t on the list/);
      expect(cluster.text).to.match(/Migraine and tension-type headaches/);
      expect(cluster.recognition?.outcome).to.equal('answered');
      const c = new Conversation();
      await c.say('does dry needling help lower back pain?');
      const upper = await c.say('what about my upper back, between the shoulder blades?');
      expect(upper.text).to.match(/isn’t on the list/);
      expect(upper.text).to.match(/musculoskeletal conditions and chronic pain/);
      expect(upper.recognition?.outcome).to.equal('answered');
      // (a listed condition of the same body part only is no broader word: still a plain "not on the list")
      const legs = await say('my legs get a creepy crawly urge to move at night, restless legs they call it. do you treat that');
      expect(legs.text).to.match(/isn’t on the list/);
      expect(legs.recognition?.outcome).to.equal('fallback');
    });

    it('"does the same apply to dry needling?", "does acupuncture go for the same spots?" after an answer about the other treatment say whose point it was and what the article says of the one asked about, never "that condition isn’t on the list"', async () => {
      const research = new Conversation();
      await research.say('what does the research on acupuncture actually show?');
      const same = await research.say('Fair enough. Does the same apply to dry needling?');
      expect(same.text).to.not.match(/isn’t on the list/);
      expect(same.text).to.match(/Western medicine|blood flow|trigger points/);
      const spots = new Conversation();
      await spots.say('What is a trigger point?');
      await spots.say('and why would one of those make my muscles hurt?');
      const r = await spots.say('Does acupuncture go for the same spots then?');
      expect(r.text).to.match(/dry needling, not acupuncture/);
      expect(r.text).to.match(/meridian/);
      const other = new Conversation();
      await other.say('What does it mean when the acupuncture needles go along the meridian lines?');
      const how = await other.say('And the other one you mentioned, how does that one work? Is it the same idea?');
      expect(how.text).to.match(/trigger points|knots/);
      // (the same kind of needle, compared, is still the needles' comparison)
      const needles = new Conversation();
      await needles.say('is acupuncture from China?');
      expect((await needles.say('and the needles, are they the same kind as in dry needling?')).text).to.match(/thin needles/);
    });

    it('a recommendation asked for another practitioner ("can you recommend a good podiatrist near you?") is a service the article does not cover, never a pick between the two treatments', async () => {
      const r = await say('Can you recommend a good podiatrist near you? My feet need more than just needles I reckon.');
      expect(r.text).to.match(/podiatrist/);
      expect(r.text).to.match(/Phone:/);
      expect(r.text).to.not.match(/points to dry needling|points to acupuncture/);
    });

    it('"I assume it is also from the Eastern medicine tradition" after dry needling is named gets its Western principles, never only where it is used; "is it Chinese like acupuncture?" still asks about the one talked about', async () => {
      const r = await say('My physiotherapist offered me dry needling. I assume it is also from the Eastern medicine tradition, is that correct?');
      expect(r.text).to.match(/Western medicine/);
      const c = new Conversation();
      await c.say('how long has dry needling been around?');
      expect((await c.say('Is it Chinese like acupuncture then?')).text).to.match(/Western medicine/);
    });

    it('a diagnosis the bot has never seen, told as what someone has in a listed body part ("Osgood-Schlatter in his knee"), is the listed condition only partly, never "Yes"; pain or a niggle there is still the listed one', async () => {
      for (const [m, said] of [
        ['my son has Osgood-Schlatter in his knee, can dry needling help', 'Osgood-Schlatter'],
        ['I have chondromalacia in my knee, is that on your list', 'chondromalacia'],
      ]) {
        const r = await say(m);
        expect(r.text, m).to.match(/Knee pain/);
        expect(r.text, m).to.include(`“${said}”`);
        expect(r.text, m).to.not.match(/^Yes/);
      }
      expect((await say('I have pain in my knee, can dry needling help?')).text).to.match(/^Yes/);
    });
  });

  describe("the kinds of session 37's fresh set (set 99, read after its unread runs)", () => {
    it('whether it is a machine, asked indirectly or in a learner\'s English ("may I ask whether you are a machine", "you are robot?"), is answered as automated; "you are a real lifesaver" is thanks', async () => {
      for (const m of [
        'Before I ask my question, may I ask whether you are a machine, or is there a young lady typing at the other end?',
        'hello sorry my english not so good. you are robot?',
      ]) {
        expect((await say(m)).text, m).to.match(/automated assistant/);
      }
      expect((await say('you are a real lifesaver, thanks')).text).to.not.match(/automated assistant/);
    });

    it('praise ("You\'ve been great, much clearer than the last clinic\'s website") is met with gladness, not only "you\'re welcome"', async () => {
      expect((await say("You've been great, much clearer than the last clinic's website I tried.")).text).to.match(/glad|thank/i);
    });

    it('"is 14 too young for it though?" after a recommendation is an age question for the team, never the recommendation again', async () => {
      const c = new Conversation();
      await c.say('my son sprained his ankle at soccer, which treatment suits him?');
      const r = await c.say('thanks. is 14 too young for it though?');
      expect(r.text).to.match(/Phone:|contact/i);
      expect(r.text).to.not.match(/points to dry needling/);
    });

    it('"something traditional that helps me feel more balanced overall, not for an injury. Acupuncture or dry needling?" is a choice told its reason (acupuncture), never "that condition isn\'t on the list"', async () => {
      const r = await say(
        "I'm after something traditional that helps me feel more balanced overall, not for an injury. Acupuncture or dry needling?",
      );
      expect(r.text).to.match(/points to acupuncture/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"whether it comes from China like acupuncture" after dry needling is named asks about dry needling; "is that the same idea as acupuncture?" still compares', async () => {
      const r = await say(
        'Could you tell me whether dry needling is used for osteoarthritis, whether it originally comes from China like acupuncture, and what the parking is like?',
      );
      expect(r.text).to.match(/1980s|Western medicine/);
      const same = await say('What does dry needling do with lactic acid, and is that the same idea as acupuncture?');
      expect(same.text).to.match(/lactic acid/);
      expect(same.text).to.match(/meridian/);
    });

    it('whether there is evidence needling "does anything for tinnitus" says tinnitus is not on the list, never only how dry needling works', async () => {
      const r = await say(
        'I have had ringing in my ears for a year. Is there any evidence needling does anything for tinnitus, and do you treat it?',
      );
      expect(r.text).to.match(/“(tinnitus|ringing in my ears)” isn’t on the list/);
    });
  });

  describe("session 38's fresh set", () => {
    it('what the writer knows of the list, told before the question ("I know you list osteoarthritis but what about gout?"), is no question: gout is said to be unlisted, never "Yes" about osteoarthritis', async () => {
      const r = await say('I know you list osteoarthritis but what about gout? I get flare ups in my big toe. Would you treat gout?');
      expect(r.text).to.match(/“gout” isn’t on the list/);
      expect(r.text).to.not.match(/^\s*Yes/);
      const hip = await say('I see you treat sciatica, what about bursitis in my hip');
      expect(hip.text).to.match(/does not mention “bursitis”/);
      expect(hip.text).to.not.match(/Yes|Sciatica/);
    });

    it('"I see you do dry needling, how does it work" asks how dry needling works, never which treatment is meant', async () => {
      const r = await say('I see you do dry needling, how does it work');
      expect(r.text).to.match(/trigger points/);
      expect(r.text).to.not.match(/Do you mean/);
    });

    it('where an acupuncturist puts the needles is answered from its theory (meridian lines, acupoints), never "I don\'t have that information"', async () => {
      const r = await say('Where does an acupuncturist decide to put the needles?');
      expect(r.text).to.match(/meridian/);
      expect(r.text).to.not.match(/don’t have that information/);
      expect((await say('how deep do the needles go in dry needling')).text).to.match(/Phone:/);
    });

    it('"growing pains" are no "chronic pain" (a word that only sounds like it), and in the knees they are an unnamed diagnosis, never "Yes"', async () => {
      expect((await say("could dry needling help my son's growing pains")).text).to.match(/“growing pains” isn’t on the list/);
      const knees = await say('my 13yo has growing pains in his knees');
      expect(knees.text).to.match(/does not mention “growing pains”/);
      expect(knees.text).to.not.match(/^\s*Yes/);
    });

    it('another therapy set against ours without a "?" ("whats the difference between acupuncture and cupping") is said to be uncovered, never the difference between our two', async () => {
      const r = await say('whats the difference between acupuncture and cupping');
      expect(r.text).to.match(/doesn’t cover “cupping”/);
      expect(r.text).to.not.match(/Dry needling was developed/);
    });
  });

  describe("session 38's second set", () => {
    it('"you are doctor or machine?" is asked whether it is automated', async () => {
      expect((await say('Hello, you are doctor or machine? I want to know before I tell my problem.')).text).to.match(/automated assistant/);
    });

    it('kind words that set the bot above another clinic are thanked; a question after them is answered, never thanked', async () => {
      expect((await say("Honestly you're more helpful than the last clinic's website, they just had a phone number lol")).text).to.match(
        /kind of you|glad/,
      );
      const asked = await say("you're more helpful than the last clinic, can you help my back?");
      expect(asked.text).to.match(/Chronic lower back pain/);
      expect(asked.text).to.not.match(/kind of you/);
    });

    it('a parent telling a child\'s jaw complaint ("her jaw has started clicking … aches in front of her ears") is TMD, never "jaw isn\'t on the list"', async () => {
      const r = await say(
        "My 15yo's jaw has started clicking whenever she opens her mouth wide, and she says it aches in front of her ears by the end of the school day. Is that something your needling can help with?",
      );
      expect(r.text).to.match(/Temporomandibular joint disorder/);
      expect(r.text).to.not.match(/“jaw” isn’t on the list/);
    });

    it('a torn hamstring told by a parent ("tore his hamstring … grade 2") is a muscle strain, never "that condition isn\'t on the list"', async () => {
      const r = await say(
        'Our son tore his hamstring playing footy three weeks ago, grade 2 on the scan. Is dry needling used for that kind of tear?',
      );
      expect(r.text).to.match(/Muscle strains and sprains/);
      expect(r.text).to.not.match(/That condition isn’t on the list/);
    });

    it('"the same thing with two different names … needles are needles" is answered with how they are alike and differ', async () => {
      const r = await say("Honestly aren't these just the same thing with two different names so clinics can charge more? Needles are needles.");
      expect(r.text).to.match(/different theories/);
    });

    it('after acupuncture that "didn\'t do much" and talk of energy, "would dry needling be a better fit for tight muscles like mine?" points to dry needling', async () => {
      const r = await say(
        "I had six acupuncture sessions at another clinic for my tight, sore calves from running and it didn't do much. The practitioner talked a lot about energy. Would dry needling be a better fit for tight muscles like mine?",
      );
      expect(r.text).to.match(/points to dry needling/);
      expect(r.text).to.not.match(/You prefer the Chinese medicine approach/);
    });

    it('two complaints in one sentence ("wrist tingles … numb at night, and separately the outside of my elbow aches") are each answered', async () => {
      const r = await say(
        'Two things going on with me. My wrist tingles and goes numb at night, and separately the outside of my elbow aches when I lift the kettle. Would dry needling cover both of those?',
      );
      expect(r.text).to.match(/Carpal tunnel syndrome/);
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.not.match(/^Dry needling is grounded/);
    });

    it('"the list, not the dry needle one" after asking what acupuncture is used for answers acupuncture only', async () => {
      const r = await say('Please tell me for which problems the acupuncture is used. I want to know the list, not the dry needle one.');
      expect(r.text).to.match(/digestive issues/);
      expect(r.text).to.not.match(/Dry needling is/);
    });

    it('aches all over with tender spots on named joints and exhaustion is fibromyalgia, never "Yes. Hip pain…"', async () => {
      const r = await say(
        "I ache all over, every single day, with really tender spots on my shoulders, hips and knees, and I'm exhausted no matter how much I sleep. Is that on your list?",
      );
      expect(r.text).to.match(/Fibromyalgia/);
      expect(r.text).to.not.match(/Hip pain/);
    });

    it('"and my big toe joint has gone the same way. same thing?" after osteoarthritis in the hands is osteoarthritis there, never "big toe joint isn\'t on the list"', async () => {
      const c = new Conversation();
      await c.say(
        "The knuckles in both my hands are swollen and knobbly and stiff in the mornings. The doctor says it's the wear and tear kind of arthritis. Is that something you treat?",
      );
      const r = await c.say('and my big toe joint has gone the same way. same thing?');
      expect(r.text).to.match(/Osteoarthritis/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('a thing we do not know told as the writer\'s ("I have PCOS and my periods are all over the place. Can acupuncture regulate my cycle?") is said to be unlisted, never the treatment\'s theory alone', async () => {
      const r = await say('I have PCOS and my periods are all over the place. Can acupuncture regulate my cycle?');
      expect(r.text).to.match(/“PCOS” isn’t on the list/);
      expect(r.text).to.not.match(/Fibromyalgia/);
    });

    it('"what about the inside bit?" after tennis elbow asks about the inside of the elbow (golfer\'s elbow)', async () => {
      const c = new Conversation();
      await c.say('Does dry needling work on tennis elbow?');
      expect((await c.say('what about the inside bit?')).text).to.match(/Golfer’s elbow/);
    });
  });
  describe("session 39's fresh set", () => {
    it('a claim that one treatment is "more for the inside" and "the other kind" for muscles, checked with "is she right?", gets what each is for', async () => {
      const r = await say('My gran reckons the chinese needles are mainly for things on the inside and the other kind is for muscles, is she right?');
      expect(r.text).to.match(/internal ailments/);
      expect(r.text).to.match(/muscle relief/);
    });

    it('"is dry needling a kind of Chinese medicine as well, or does it come from somewhere else?" says it is grounded in Western medicine, never acupuncture\'s meridians alone', async () => {
      const r = await say('Is dry needling a kind of Chinese medicine as well, or does it come from somewhere else?');
      expect(r.text).to.match(/Western medicine/);
      expect(r.text).to.not.match(/meridian/);
    });

    it('what happens to a knot "once it releases" is the lactic acid and magnesium passage; what happens when the needle goes in is still the knots\' own', async () => {
      const c = new Conversation();
      await c.say('does dry needling actually do anything for knots?');
      expect((await c.say('and what happens to the knot once it releases?')).text).to.match(/lactic acid/);
      expect((await say('What happens to the knot when the needle goes into it?')).text).to.match(/dissipate/);
    });

    it('an approach turned down in other words ("I don\'t buy the energy and meridian stuff", "not into the chi") points to the other treatment, never "You prefer the Chinese medicine approach"', async () => {
      for (const text of [
        "I don't buy the energy and meridian stuff. which would suit me better, acupuncture or dry needling?",
        "I'm not into the chi and energy stuff. Which one's for me?",
        "Honestly I don't buy the meridian stuff, I want something based on Western medicine. Which one's for me?",
      ]) {
        const r = await say(text);
        expect(r.text, text).to.match(/points to dry needling/);
        expect(r.text, text).to.not.match(/Chinese medicine approach/);
      }
    });

    it('a medicine told as taken ("on glucosamine and fish oil for years, some good") does not take the question about the condition; a medicine asked about still gets the doctor or pharmacist', async () => {
      const r = await say(
        "I've been on glucosamine and fish oil for my hands for years, some good. Would acupuncture or dry needling be better for my osteoarthritis?",
      );
      expect(r.text).to.match(/Osteoarthritis/);
      expect(r.text).to.not.match(/advice about medicines/);
      expect((await say('I take panadol for my sciatica. Is panadol better than dry needling for it?')).text).to.match(/advice about medicines/);
    });

    it('one word of the clinic\'s used in another sense ("the prime meridian", "the stress test on a home loan", "circulation figures" of a newspaper) is off-topic, never the article\'s answer', async () => {
      for (const text of [
        'is the prime meridian in greenwich',
        'how does the stress test on a home loan work',
        'what are the latest circulation figures for the newspaper',
      ]) {
        const r = await say(text);
        expect(r.text, text).to.match(/not something I can help with/);
        expect(r.text, text).to.not.match(/stress management|meridian lines|blood circulation/);
      }
      expect((await say('do you treat bloating? its worse when i eat bread')).text).to.match(/digestive issues/);
      expect((await say('what role does circulation play in healing after needling')).text).to.match(/blood/);
    });
  });
  describe("session 39's second set", () => {
    it('an unlisted complaint in Aussie words ("the gout in me big toe again … every year after shearing") is said to be unlisted, never when dry needling was developed', async () => {
      const r = await say('Got the gout in me big toe again, comes back every year after harvest. Would dry needling sort that out?');
      expect(r.text).to.match(/isn’t on the list/);
      expect(r.text).to.not.match(/1980s/);
    });

    it('"is there somebody actually reading what I type?" is asked whether it is automated', async () => {
      expect((await say('Is there somebody actually reading what I type? My grandson set this up.')).text).to.match(/automated assistant/);
    });

    it('the side of the elbow told ("outside bony bit") outranks gym cues of the other side (gripping the bar, deadlifts): tennis elbow, never golfer\'s', async () => {
      const r = await say('the outer bony bit of my elbow aches when I grip the bar for pull ups and deadlifts, would needling help?');
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.not.match(/Golfer/);
      expect((await say('the inside of my elbow aches after a round of golf')).text).to.match(/Golfer/);
    });

    it('a fund or card asked to cover it ("is it covered on my DVA gold card?") after a condition is the clinic\'s matter, never the condition again', async () => {
      const c = new Conversation();
      await c.say('do you do anything for arthritis in the hips?');
      const r = await c.say('great, is it covered on my DVA gold card?');
      expect(r.text).to.match(/Phone:/);
      expect(r.text).to.not.match(/^Yes/);
    });

    it('"is this a condition your clinic addresses?" after a described heel asks what it treats, never the clinic\'s address', async () => {
      const r = await say(
        'For several months I have had a stabbing pain under my heel when I first get up in the morning, easing once I walk about. Is this a condition your clinic addresses?',
      );
      expect(r.text).to.match(/Plantar fasciitis/);
    });

    it('"which ones?" after what one treatment is read to be used for asks its uses, never which of the two suits', async () => {
      const r = await say('I saw that acupuncture is used more and more for some modern problems. Which ones?');
      expect(r.text).to.match(/stress management/);
      expect(r.text).to.not.match(/what would you mainly like help with/);
    });

    it('questions asked as "could you advise whether …, and whether …" are each answered', async () => {
      const r = await say('could you advise whether acupuncture helps insomnia, and also whether a rebate is available through my health fund?');
      expect(r.text).to.match(/insomnia/);
      expect(r.text).to.match(/Phone:/);
    });

    it('"hows your day going" after a night shift is small talk, answered kindly, never "not something I can help with"', async () => {
      const r = await say('finally home after night shift 😴 hows your day going');
      expect(r.text).to.match(/Thanks for asking/);
      expect(r.text).to.not.match(/not something I can help with/);
    });
  });

  describe("session 40's sets", () => {
    it('a bus or a train one would "happily" step in front of is a crisis, whatever is asked after it; a class one walks in front of is not', async () => {
      const r = await say('back is that bad id gladly walk in front of a train tbh. anyway are you open saturdays');
      expect(r.text).to.match(/Lifeline/);
      expect((await say("I'd walk in front of the whole class to ask that, can dry needling help a stiff neck?")).text).to.not.match(/Lifeline|000/);
    });

    it('whether a person reads the chat, asked in other words ("a real physio replying or some bot thing", "who is on the other end?"), is answered truthfully', async () => {
      expect((await say('is this an actual physio replying or some bot thing?')).text).to.match(/automated assistant/);
      expect((await say("who's at the other end of this?")).text).to.match(/automated assistant/);
      expect((await say('is there a person at the front desk on mondays?')).text).to.not.match(/automated assistant/);
    });

    it('one treatment asked for by an approach ("is there one that is more evidence based?") is named, with the other approach turned down', async () => {
      const r = await say("i don't really buy the chi stuff. is there one that's more science based?");
      expect(r.text).to.match(/points to dry needling/);
      expect(r.text).to.match(/Western/);
    });

    it('words that only imply a treatment ("works on your energy flow") do not count as a treatment named when the choice is asked', async () => {
      const r = await say('feeling flat and drained lately and my sister reckons the needles can shift your energy flow. Which of yours does that?');
      expect(r.text).to.match(/That is acupuncture|points to acupuncture/);
    });

    it('a medicine named in one sentence and taken up as "it" in the next ("should I stop taking it?") is declined as advice on the medicine', async () => {
      const r = await say('My doctor started me on gabapentin for nerve pain. Can I keep taking it while I have dry needling?');
      expect(r.text).to.match(/advice about medicines/);
      expect(r.text).to.not.match(/nerve signalling/);
    });

    it('whether to rest an injury or keep training is self-care the article does not give, never a plain "Yes"', async () => {
      const r = await say('rolled my ankle at netball on saturday. should i strap it and keep playing or just rest it?');
      expect(r.text).to.match(/rest an injury/);
      expect(r.text).to.not.match(/^Yes/);
    });

    it('a body part located by where a belt sits, beside an upper back denied, is chronic lower back pain', async () => {
      const r = await say(
        "not between the shoulder blades, it's lower, right around where my belt sits, aches after long drives. is dry needling used for that?",
      );
      expect(r.text).to.match(/Chronic lower back pain/);
    });

    it('a named condition ("golfer\'s elbow") is not overruled by an activity cue of the other side', async () => {
      const r = await say("can you needle golfer's elbow? i do a lot of pruning and hedge trimming");
      expect(r.text).to.match(/Golfer/);
      expect(r.text).to.not.match(/Tennis elbow/);
    });

    it('a heel pain "like a knife" that someone "says it is like" is described, never a diagnosis the list lacks', async () => {
      const r = await say('my dad says it is like a nail under his heel for the first steps every morning, then it eases. could needling help him?');
      expect(r.text).to.match(/Plantar fasciitis/);
    });

    it('"how old does my son need to be" asks an age limit (the clinic\'s), never how old dry needling is', async () => {
      const r = await say('how old does my son need to be to have dry needling?');
      expect(r.text).to.match(/Phone:/);
      expect(r.text).to.not.match(/1980s/);
    });

    it('a name split up by voice typing ("plant are fashy itis", "fiber my algia") is put back together', async () => {
      expect((await say('can dry needling help plant are fashy itis')).text).to.match(/Plantar fasciitis/);
      expect((await say('is fiber my algia on your list')).text).to.match(/Fibromyalgia/);
      expect((await say('i have a plant in my garden that gives me hay fever, can acupuncture help?')).text).to.not.match(/Plantar/);
    });

    it('thanks with an aside ("you have been kind to an old lady", "better than waiting on hold") are thanks', async () => {
      expect((await say('Thank you so much, you have been very patient with an old lady.')).text).to.match(/welcome/);
      expect((await say('Gracias! thanks heaps, easier than waiting on hold.')).text).to.match(/welcome/);
    });

    it('a long story that comes to its question after "so basically" is answered with that question, not a complaint told in passing', async () => {
      const r = await say(
        'ok this will be long sorry, my neighbour had acupuncture years ago when she was going through IVF and she raves about it, and my myotherapist keeps saying dry needling would fix my shoulder, and my brother reckons they are exactly the same thing and we have been going back and forth all weekend, so basically how are the two different??',
      );
      expect(r.text).to.match(/different theories/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('problems of both kinds told, then "which one should i do" in its own sentence, asks which matters most, then answers from it', async () => {
      const c = new Conversation();
      const first = await c.say('my calves are always tight from running and my sleep is rubbish. which one should i do?');
      expect(first.text).to.match(/Which would you mainly like help with/);
      const second = await c.say('the calves mostly, they are so tight');
      expect(second.text).to.match(/points to dry needling/);
    });
  });

  describe("session 40's late set", () => {
    it('a long story ending "long story short would the needles help my X" answers X, never a body part of someone in the story', async () => {
      const r = await say(
        'right so I work in a warehouse, lifting all day, and the last few months my lower back has been killing me by knock off. my brother in law had acupuncture for his shoulder and swears by it, and the wife keeps nagging me to sort it out. long story short could dry needling help my back',
      );
      expect(r.text).to.match(/Chronic lower back pain/);
      expect(r.text).to.not.match(/Shoulder/);
    });

    it('a listed condition and "can u needle it?" asks whether it is needled: the condition answered, never declined', async () => {
      const r = await say('tennis elbow from the rowing machine. can u needle that');
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.not.match(/doesn’t cover/);
    });

    it('praise set against another clinic ("so much easier to deal with than the last place") is thanked, never declined', async () => {
      const r = await say('honestly way easier to talk to than the last clinic i rang');
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('a clinic question beside a wish to try a treatment ("she\'s keen to try acupuncture") is the clinic\'s, without a lesson on the treatment', async () => {
      const r = await say("can I buy a voucher for my sister? she's been keen to try acupuncture for ages");
      expect(r.text).to.not.match(/ancient Chinese medicine practice/);
    });

    it('an after-effect asked about before a session ("will I bruise afterwards?") is a question answered honestly, never the clinic tier\'s "check on this"', async () => {
      const r = await say('will I be sore or bruised after dry needling? I have a formal on saturday');
      expect(r.text).to.not.match(/check on this/);
      expect(r.text).to.match(/Phone:|our team/i);
    });
  });

  describe("session 41's sets", () => {
    it('a body part of three words with someone else\'s owner inside it ("the bottom of his foot") is their complaint, described', async () => {
      const r = await say('the arch of his foot is agony first thing when he gets up, can you needle that?');
      expect(r.text).to.match(/Plantar fasciitis/);
      const told = await say('She says the bottom of her heel hurts for the first few steps out of bed. Do you use needles for that?');
      expect(told.text).to.match(/Plantar fasciitis/);
      expect(told.text).to.not.match(/isn’t on the list/);
    });

    it('a hello with no question yet, or a helper announcing questions to come, is greeted, never declined', async () => {
      for (const text of [
        "Hello, I'm not very good with these computers, my son set it up for me on the tablet. I don't have a particular question yet, I only wanted to see how it works.",
        "Hi! I'm just helping my dad use the computer, he has a few questions for you in a minute.",
      ]) {
        const r = await say(text);
        expect(r.text, text).to.not.match(/not something I can help with/);
        expect(r.recognition?.outcome, text).to.equal('answered');
      }
    });

    it('bot-or-person asked with "like" or as a denial ("is this like chatgpt", "ur not a robot r u") is answered: automated', async () => {
      for (const text of ['is this like siri or a real person typing', 'haha ur not a bot r u']) {
        const r = await say(text);
        expect(r.text, text).to.match(/automated assistant/);
      }
    });

    it('a medicine asked about in SMS spelling ("shud i take nurofen") is for a doctor or pharmacist, not a condition answer', async () => {
      const r = await say('shud i take panadol for my neck b4 my appt');
      expect(r.text).to.match(/pharmacist/);
    });

    it('"did my back in" tells an injury: the question beside it (WorkCover) is what is answered, with no condition answer', async () => {
      const r = await say('Did my shoulder in at work last week. Can I claim dry needling on WorkCover?');
      expect(r.text).to.not.match(/closest condition/);
      expect(r.text).to.match(/Phone:/);
    });

    it('another therapy asked about indirectly ("not sure if you do cupping") is said to be outside the article, and who recommended it asks nothing', async () => {
      const r = await say("Not sure if you do cupping too? My sister's physio recommended it. Also is sciatica something dry needling is used for?");
      expect(r.text).to.match(/cupping/);
      expect(r.text).to.match(/Sciatica/);
      expect(r.text).to.not.match(/developed in the 1980s/);
    });

    it('the Western approach turned down ("doesn\'t want anything Western") is a wish for the traditional one: acupuncture', async () => {
      const r = await say("My dad doesn't want anything western. Which of the two is the old traditional one?");
      expect(r.text).to.match(/points to acupuncture|acupuncture is an ancient Chinese medicine practice/);
    });

    it('which list the condition just answered is on, asked with "that", is answered for that condition', async () => {
      const r = await afterSaying('can dry needling help carpal tunnel?', 'is that on the acupuncture list or the dry needling one?');
      expect(r.text).to.match(/Carpal tunnel syndrome is on our article’s list for dry needling/);
    });

    it('what the knots "hold on to" is what they trap: lactic acid', async () => {
      const r = await say('what do the knots in your muscles hold on to, according to the article?');
      expect(r.text).to.match(/lactic acid/);
    });
  });

  describe("session 42's kinds: long first-timer messages, where nerves, medicines and a treatment once had are told, not asked", () => {
    it('a medicine told in a sentence of its own is no medicine question when another sentence asks about something else', async () => {
      const r = await say('My dermatologist keeps giving me steroid injections for the bald patches. Does acupuncture help hair grow back?');
      expect(r.text).to.not.match(/can’t give advice about medicines/);
      expect(r.text).to.match(/isn’t on the list/);
      const m = await say('My aunt swears by her magnesium tablets for cramps. Is it true the needling changes magnesium in the muscle?');
      expect(m.text).to.match(/magnesium concentration|magnesium levels/);
    });

    it('a treatment once had or never had, told beside a question, is not answered as a question of its own', async () => {
      const r = await say('Do you also offer hot stone massage? My old acupuncturist used to do it.');
      expect(r.text).to.match(/hot stone massage/);
      expect(r.text).to.not.match(/ancient Chinese medicine practice/);
    });

    it('nerves about needles beside a real question get the answer to that question, not only reassurance', async () => {
      const r = await say('bit nervous about the needles honestly. what does dry needling actually do?');
      expect(r.text).to.match(/trigger points|knots/);
    });

    it('being anxious about the visit (being late, horror stories) is no stress question; anxiety as a complaint still is', async () => {
      const late = await say("I'm always anxious about being late to appointments. Is there parking out the back?");
      expect(late.text).to.not.match(/stress management/);
      const complaint = await say("I'm anxious all the time lately, would acupuncture help?");
      expect(complaint.text).to.match(/stress management/);
    });

    it('a long hello with chat about the device is a greeting; a price asked in a few words beside an aside is a price question', async () => {
      const hello = await say("Good morning! My son set up this tablet for me, I hope I'm doing it right. How are you?");
      expect(hello.recognition?.intent).to.equal('greeting');
      const price = await afterSaying('is acupuncture good for stress?', 'how much is it tho, pension day is thursday');
      expect(price.text).to.match(/Phone:/);
      expect(price.text).to.not.match(/stress management/);
    });

    it('a pain on the inside of the elbow "not the outside" is golfer’s elbow; a hamstring that "went twang" is a muscle strain', async () => {
      const elbow = await say('sore on the elbow, the side nearest my body, not the outside. lifting the kettle kills it');
      expect(elbow.text).to.match(/Golfer’s elbow/);
      const twang = await say('felt my calf go twang at netball last night, is that something you needle?');
      expect(twang.text).to.match(/Muscle strains and sprains/);
    });

    it('where "it" comes from, asked after an acupuncture answer, is acupuncture’s origin; an essay asked for is declined', async () => {
      const origin = await afterSaying('can acupuncture help with headaches?', 'and did it actually come from China?');
      expect(origin.text).to.match(/ancient Chinese medicine/);
      const essay = await say('could u do my 300 word homework on acupuncture history pls');
      expect(essay.text).to.match(/not something I can help with/);
    });

    it('"am i texting a person" is answered as the automated assistant it is', async () => {
      const r = await say('hang on am i texting a real person?');
      expect(r.text).to.match(/automated assistant/);
    });
  });

  describe("session 43's kinds: writers of other first languages, reported questions, the bot asked who it is", () => {
    it('the bot asked who is writing, in any wording ("who am I writing to", "are you the computer"), says it is automated', async () => {
      for (const asked of [
        'Hello. I am not good with computers. Who am I writing to?',
        'are you the machine that answers?',
        'I am talking to a nurse or to the computer?',
      ]) {
        const r = await say(asked);
        expect(r.text, asked).to.match(/automated assistant/);
      }
    });

    it('thanks with a blessing and a goodbye with where the writer is off to are social, never "I didn’t understand"', async () => {
      for (const said of ['Thank you so much for your help, God bless you and your family', 'hooroo, gotta get back to the shed', 'must dash']) {
        const r = await say(said);
        expect(r.text, said).to.not.match(/didn’t understand|not something I can help with/);
      }
    });

    it('"needling" asked of an ailment only acupuncture’s list names is answered for acupuncture', async () => {
      const r = await say('I lie awake half the night, is needling any good for sleep problems like that?');
      expect(r.text).to.match(/acupuncture aims to alleviate/);
      expect(r.text).to.not.match(/not on our article’s list for dry needling/);
    });

    it('a question put as a statement ("and you are open on Sunday?") or told for someone ("my husband asks if…") is still answered', async () => {
      const hours = await say('What is dry needling, and you are open on the Sunday?');
      expect(hours.text).to.match(/trigger points|knots/);
      expect(hours.text).to.match(/opening hours|contact/i);
      const asked = await say('What are meridians? My husband asks also if the health fund is paying for it.');
      expect(asked.text).to.match(/meridian/);
      expect(asked.text).to.match(/Phone:|contact|team/);
    });

    it('a language the staff might speak is a question for the clinic, answered beside the rest', async () => {
      const r = await say('do you have a practitioner speak Greek?');
      expect(r.text).to.match(/don’t have that information|contact|Phone:/);
    });

    it('how long dry needling has existed, asked in other words, is its age', async () => {
      const r = await say('how long time the dry needling exist?');
      expect(r.text).to.match(/1980s/);
    });

    it('who does dry needling, physios or acupuncturists, is who practises it; whom to see for stress is still a recommendation', async () => {
      const who = await say('Would a myotherapist do dry needling, or just acupuncturists?');
      expect(who.text).to.match(/Myotherapy and in a variety of physical therapy/);
      const same = await say('My osteo does needling and my sister sees an acupuncturist, is that the same thing?');
      expect(same.text).to.not.match(/^According to our article, dry needling is commonly used/);
    });

    it('a tight spot a needle goes into, and what the needles do inside, are dry needling’s mechanism', async () => {
      const spot = await say('how does sticking a needle into a tight spot make it let go?');
      expect(spot.text).to.match(/trigger points|knots/);
      const inside = await afterSaying('what is dry needling?', 'ok but what is it actually doing inside there?');
      expect(inside.text).to.match(/blood flow|lactic acid|trigger points/);
    });

    it('a body part written without "my" or with "portion" is still that part; a rope behind the ankle is the Achilles', async () => {
      const back = await say('My father has pain in the lower portion of back for many years. Is dry needling useful for him?');
      expect(back.text).to.match(/Chronic lower back pain/);
      const achilles = await say('My son runs a lot and the thick rope behind his ankle, above the heel, hurts every morning. Can you treat?');
      expect(achilles.text).to.match(/Achilles tendinopathy/);
    });

    it('"so that’s a no then?" after a condition answer gets that answer plainly again, not a topic', async () => {
      const no = await afterSaying('can acupuncture help with tinnitus?', 'so that’s a no then?');
      expect(no.text).to.match(/isn’t on the list/);
      const yes = await afterSaying('can dry needling help sciatica?', 'so is that a yes or a no?');
      expect(yes.text).to.match(/Sciatica/);
    });

    it('this clinic set against another ("why not just see my physio instead of you?") is the team’s to answer', async () => {
      const r = await say('why should I pick you over my chiro?');
      expect(r.text).to.match(/Phone:|contact|team/);
      expect(r.text).to.not.match(/^Yes/);
    });

    it('worry all the time and nerves that need calming are the article’s stress management, said honestly', async () => {
      const r = await say('I cannot relax since my divorce, worry all the time. Can the needles help to calm my nerves?');
      expect(r.text).to.match(/stress management/);
      expect(r.text).to.not.match(/will (cure|fix)/);
    });

    it('a dose asked about tablets told with their complaint, or a medical certificate asked for, gets no "Yes" about the complaint', async () => {
      const dose = await say('The GP gave me pills for my knee pain. How many I can take before the needle appointment?');
      expect(dose.text).to.not.match(/^Yes/);
      expect(dose.text).to.match(/Phone:|contact|team|doctor or pharmacist/);
      const cert = await say('can you give me a sick note for work? my neck is wrecked');
      expect(cert.text).to.not.match(/^Yes/);
      expect(cert.text).to.match(/Phone:|contact|team/);
    });

    it('which of the two is more legit says they rest on different theories, then each one’s age and the research', async () => {
      const r = await say('honestly which one is more legit?');
      expect(r.text).to.match(/different theories/);
      expect(r.text).to.match(/1980s/);
    });
  });

  describe("session 43's later kinds: conversations that react to the last answer, people asking for others", () => {
    it('"and saturdays?" after an opening-hours question is the hours again; "so who should I talk to then?" is the contact', async () => {
      const days = await afterSaying('are you open late on thursdays?', 'and saturdays?');
      expect(days.recognition?.intent).to.equal('contact');
      const who = await afterSaying('can acupuncture help with hiccups?', 'ok so who should I talk to then?');
      expect(who.text).to.match(/Phone:/);
    });

    it('"could you say that in plain English?" gets the last answer again, never "I didn’t understand"', async () => {
      const r = await afterSaying('can dry needling help plantar fasciitis?', 'could you say that in plain english please');
      expect(r.text).to.match(/Plantar fasciitis/);
    });

    it('a wrong guess of which treatment the last answer was about gets the lists that name it, never a "Yes"', async () => {
      const r = await afterSaying('can dry needling help golfer’s elbow?', 'oh is that the chinese one?');
      expect(r.text).to.not.match(/^Yes/);
      expect(r.text).to.match(/list for dry needling/);
    });

    it('after a recommendation, "what if she wanted to try the knots one instead?" says what that one is', async () => {
      const c = new Conversation();
      await c.say('which treatment would suit my mum?');
      await c.say('she wants to feel more balanced and sleep better');
      const r = await c.say('and if she wanted to try the knots one instead?');
      expect(r.text).to.match(/trigger points|knots/);
      expect(r.text).to.not.match(/flagged this conversation/);
    });

    it('"and musculoskeletal problems?" after chronic pain is what the article says both are used for', async () => {
      const r = await afterSaying('is acupuncture used for chronic pain?', 'and musculoskeletal problems?');
      expect(r.text).to.match(/musculoskeletal conditions/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"yeah so can you treat it" after a complaint told asks about that complaint', async () => {
      const r = await afterSaying('I pulled my hamstring at soccer on Saturday', 'yeah so can you treat it');
      expect(r.text).to.match(/Sports injuries|strains/);
    });

    it('a sprain told with the ankle is Ankle sprains; a condition told before "is that on your list" gets no list of 21 beside it', async () => {
      const ankle = await say('My daughter rolled and sprained her ankle at netball. Do you treat that?');
      expect(ankle.text).to.match(/Ankle sprains/);
      const listed = await say('My husband has had sciatica for years. Two questions: is that on your list, and what are meridians?');
      expect(listed.text).to.match(/Sciatica/);
      expect(listed.text).to.match(/meridian/);
      expect(listed.text).to.not.match(/That is 21 conditions/);
    });

    it('someone asking for a parent "who isn’t good with computers, is that ok?" is welcomed, never declined', async () => {
      const r = await say("Hello, I'm writing on behalf of my father who isn't good with computers. Is that ok?");
      expect(r.text).to.not.match(/not something I can help with|didn’t understand/);
    });

    it('what the writer understood of the two, put up to be checked, gets how they differ', async () => {
      const r = await say('so acupuncture = meridians and dry needling = knots, have I got that right?');
      expect(r.text).to.match(/different theories/);
      expect(r.text).to.not.match(/don’t have that information/);
    });

    it('an unlisted complaint that flares when stressed is the question, not stress management', async () => {
      const r = await say('I get eczema on my hands that flares up when I’m stressed. Would acupuncture be worth a try?');
      expect(r.text).to.match(/isn’t on the list/);
      expect(r.text).to.not.match(/mentions stress management/);
    });

    it('questions announced with a dash ("Hi, two things - …") are each answered; a wish told beside an hours question asks no blurb', async () => {
      const two = await say('Hi, two things - do you treat sciatica and can I book for Monday?');
      expect(two.text).to.match(/Sciatica/);
      expect(two.text).to.match(/book/i);
      const hours = await say('r u open saturdays? husband wants acupuncture');
      expect(hours.text).to.not.match(/ancient Chinese medicine practice/);
    });
  });

  describe("session 44's kinds: spoken questions, fillers between them, names in two pieces, things already tried", () => {
    it('a second question after "and um" or "and also just curious" is answered too, never dropped', async () => {
      const parking = await say(
        'whats lactic acid got to do with the knots and um is there parking out the front or do I have to park on the street',
      );
      expect(parking.text).to.match(/lactic acid/);
      expect(parking.text).to.match(/contact|team/i);
      const origin = await say('does the dry needling help with migraines and also just curious where did acupuncture come from originally');
      expect(origin.text).to.match(/Migraine/);
      expect(origin.text).to.match(/ancient Chinese medicine/);
    });

    it('a question about magnesium or toxins at the end of a story about knots gets the explanation, not a condition', async () => {
      const magnesium = await say(
        'I read something about magnesium and the knots in your muscles and I take magnesium tablets for cramps anyway so whats magnesium got to do with the needles',
      );
      expect(magnesium.text).to.match(/magnesium concentration/);
      expect(magnesium.text).to.not.match(/closest condition/);
      const toxins = await say('so the knots trap like waste products or something whats that about is it like toxins building up in there');
      expect(toxins.text).to.match(/metabolic byproducts/);
    });

    it('a condition name dictated in two pieces ("plantar fash itis") is still the listed condition', async () => {
      const r = await say('does dry needling help with plantar fash itis');
      expect(r.text).to.match(/Plantar fasciitis/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('a massage gun tried before asking which suits is no question about massage; a massage asked about still is', async () => {
      const tried = await say(
        "I've got hard knots in my shoulders and I've tried a foam roller and a massage gun and nothing shifts them so which would suit me better acupuncture or dry needling",
      );
      expect(tried.text).to.match(/dry needling/);
      expect(tried.text).to.not.match(/can’t tell you about/);
      const asked = await say('do you do massage');
      expect(asked.text).to.match(/only covers acupuncture and dry needling/);
    });

    it('an apology for rambling with thanks and "I\'ll give you a call" is thanked, never declined', async () => {
      const r = await say("sorry I've been rambling thanks for being patient I'll have a think and give you a call");
      expect(r.text).to.match(/welcome/i);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it("parking asked because a knee is too sore to walk far is the clinic's to answer, not a knee question", async () => {
      const r = await say("is there parking near the clinic or do I need to catch the train my knee's too sore to walk far");
      expect(r.text).to.match(/contact/i);
      expect(r.text).to.not.match(/Knee pain/);
    });

    it("the inner side of the elbow told outranks the work that brought it on: golfer's elbow, not repetitive strain", async () => {
      const r = await say(
        'I make the pizza dough all day with my hands and now I have pain on the inside part of the elbow, the side near my body. Is this in your list for dry needling?',
      );
      expect(r.text).to.match(/Golfer’s elbow/);
    });
  });

  describe("session 44's later kinds: older writers, complaints told as the reason, a complaint set aside", () => {
    it('questions announced by "a confused 70-year-old:" are each answered, the hyphens in the age no dash', async () => {
      const r = await say(
        "Two questions from a confused 70-year-old: what's the actual difference between acupuncture and dry needling, and which one has been around longer?",
      );
      expect(r.text).to.match(/different theories/);
      expect(r.text).to.match(/1980s/);
    });

    it('praise of the website from "an old codger like me" is thanked, never declined', async () => {
      const r = await say('This is a lovely website, very easy to read for an old codger like me. Well done to whoever made it.');
      expect(r.text).to.match(/Thank you/);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('a hello from someone new to computers is told to take their time, in their own words', async () => {
      const r = await say("Good morning dear. I'm 79 and not very good with computers, my granddaughter showed me how to type in here.");
      expect(r.text).to.match(/take your time/i);
      const plain = await say('hi');
      expect(plain.text).to.not.match(/take your time/i);
    });

    it('another service or stopping a medicine asked, with the complaint as the reason, gets no "Yes" about the complaint', async () => {
      const cupping = await say('Do you also do cupping or remedial massage? My shoulders and lower back are always knotted.');
      expect(cupping.text).to.match(/cupping/);
      expect(cupping.text).to.not.match(/Yes\. “Chronic lower back pain”/);
      const medicine = await say("If I start acupuncture, can I stop taking my pain medication? I've been on it for years for my back.");
      expect(medicine.text).to.match(/doctor or pharmacist/);
      expect(medicine.text).to.not.match(/Chronic lower back pain/);
      const alongside = await say("I have Crohn's disease. Can acupuncture be used for flare-ups alongside my medication?");
      expect(alongside.text).to.match(/digestive/);
    });

    it('a complaint the writer sets aside ("but the ringing is what I want to ask about") gets no "Yes"', async () => {
      const r = await say(
        "I've had a constant ringing in both ears for years. I also get a stiff neck but the ringing is what I want to ask about. Do you treat tinnitus?",
      );
      expect(r.text).to.not.match(/^Yes/);
      expect(r.text).to.match(/isn’t on the list/);
    });
  });

  describe("session 44's kinds from the set kept unread through session 43 (pa14)", () => {
    it('"wat is a triger point" is the trigger points of dry needling, not "which one do you mean?"', async () => {
      const r = await say('wat is a triger point');
      expect(r.text).to.match(/trigger points/);
      expect(r.text).to.not.match(/Do you mean acupuncture or dry needling/);
      const weak = await say('I have multiple sclerosis, mainly fatigue and some weakness in my legs. Is acupuncture used for MS?');
      expect(weak.text).to.match(/isn’t on the list/);
    });

    it('"the dry one lol" after a condition answer asks that condition of dry needling; "the golfer\'s one" after tennis elbow is golfer\'s elbow', async () => {
      const dry = await afterSaying('Does it help with sciatica?', 'the dry one lol');
      expect(dry.text).to.match(/Sciatica/);
      const golfer = await afterSaying('Does dry needling help with tennis elbow?', "what about the other one, the golfer's one?");
      expect(golfer.text).to.match(/Golfer’s elbow/);
    });

    it('"thanks, what\'s your phone number?" gets the phone number, not only "you\'re welcome"', async () => {
      const r = await say("thanks, what's your phone number?");
      expect(r.text).to.match(/Phone:/);
    });

    it("a medical certificate asked for with the complaint as the reason is the clinic's to answer, no condition answer", async () => {
      const r = await say("Can you write me a medical certificate for work, I've done my back");
      expect(r.text).to.match(/Phone:/);
      expect(r.text).to.not.match(/closest condition/);
    });
  });

  describe("session 45's kinds: voice typing, leave to ask, a treatment offered for something, concepts turned down", () => {
    it('a treatment or condition name a phone heard as two words ("acute puncture", "sigh attica") is still that name', async () => {
      const acu = await say('what does acute puncture actually do');
      expect(acu.text).to.match(/Acupuncture is an ancient Chinese medicine practice|acupuncture/i);
      expect(acu.text).to.not.match(/not something I can help with/);
      const sciatica = await say('i get sigh attica in my right leg, would dn help');
      expect(sciatica.text).to.match(/Sciatica/);
      expect(sciatica.text).to.not.match(/isn’t on the list/);
      const gran = await say('my gran wants to know about acupuncture');
      expect(gran.text).to.not.match(/Migraine/);
    });

    it('a time said in words ("four am") tells the same sleep trouble as one in figures', async () => {
      const r = await say('every night I wake at four am and just lie there, is acupuncture worth a try');
      expect(r.text).to.match(/insomnia/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"is there any kind of needling for …" asks about that thing: unlisted said so, never booking or a comparison', async () => {
      const r = await say('is there acupuncture for psoriasis');
      expect(r.text).to.match(/“psoriasis” isn’t on the list/);
      expect(r.text).to.not.match(/You can book online/);
      const kind = await say('is there some kind of needling for rosacea');
      expect(kind.text).to.match(/isn’t on the list/);
    });

    it('leave to ask a question, in any English, is welcomed: never declined', async () => {
      const r = await say('hello, sorry my english is bad, I am from Colombia. I want ask you some question please');
      expect(r.text).to.match(/What would you like to know/);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('concepts turned down together ("any of the chi energy stuff") decide for the other treatment', async () => {
      const r = await say("I don't want any of the meridian chi stuff, which one is the muscle one?");
      expect(r.text).to.match(/dry needling/);
      const adjective = await say('which is the sciencey muscle one');
      expect(adjective.text).to.match(/[Dd]ry needling/);
    });

    it('a complaint described and another named, asked of without punctuation, then the hours: all three answered', async () => {
      const r = await say('my heel hurts first thing and i get tension headaches can you treat them and when are you open');
      expect(r.text).to.match(/Plantar fasciitis/);
      expect(r.text).to.match(/tension headaches/);
      expect(r.text).to.match(/opening hours/);
    });

    it('"not X or anything, just Y" affirms Y; mentally exhausted is what the article covers by stress management', async () => {
      const r = await say('not anxious or anything, just mentally exhausted lately, could acupuncture help');
      expect(r.text).to.match(/stress management/);
    });

    it('"what\'s in them that makes them so sore?" right after trigger points is the lactic acid passage', async () => {
      const r = await afterSaying('what are trigger points', 'and what is in them that makes them hurt so much');
      expect(r.text).to.match(/lactic acid/);
    });
  });

  describe("session 45's later kinds: questions typed as into a search box", () => {
    it('a treatment and a complaint the article does not list, in a few words, is said to be unlisted by name', async () => {
      const shingles = await say('acupuncture shingles?');
      expect(shingles.text).to.match(/“shingles” isn’t on the list/);
      const lupus = await say('lupus dry needling');
      expect(lupus.text).to.match(/“lupus” isn’t on the list/);
      // (a word that names no complaint is no condition: "aftercare" is the clinic's to answer)
      const aftercare = await say('dry needling aftercare');
      expect(aftercare.text).to.not.match(/isn’t on the list/);
    });

    it('a treatment and a listed condition in two words is a question about that condition, not "either could suit you"', async () => {
      const r = await say('acu migraines');
      expect(r.text).to.match(/Migraine and tension-type headaches/);
      expect(r.text).to.not.match(/Either could suit you/);
    });

    it('"robot?" alone gets the honest answer that this is an automated assistant', async () => {
      const r = await say('robot?');
      expect(r.text).to.match(/automated assistant/);
    });

    it('a place asked in a word or two after a condition answer ("upper back?") is answered as "what about …"', async () => {
      const r = await afterSaying('does dry needling help sciatica', 'upper back?');
      expect(r.text).to.match(/“upper back” isn’t on the list/);
      const nonsense = await afterSaying('does dry needling help sciatica', 'blah blah');
      expect(nonsense.text).to.not.match(/isn’t on the list/);
    });

    it('conditions and a one-word price question, each a fragment, are all answered', async () => {
      const r = await say('carpal tunnel. knee pain. price');
      expect(r.text).to.match(/Carpal tunnel/);
      expect(r.text).to.match(/Knee pain/);
      expect(r.text).to.match(/Phone:|contact/);
    });
  });

  describe("session 47's kinds: sceptics, people venting late at night, what was tried told before the question", () => {
    it('what a treatment is meant to help with is its list, whatever discourse word ends the question ("… though?")', async () => {
      const r = await say('so what is dry needling supposed to help with though?');
      expect(r.text).to.match(/Some of the conditions we can use dry needling for/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"and why would jabbing it help?" after a trigger point is how dry needling works, never a condition question', async () => {
      const r = await afterSaying('what is a trigger point', 'and why would jabbing it help?');
      expect(r.text).to.match(/blood flow/);
      expect(r.text).to.not.match(/isn’t on the list|Which condition/);
    });

    it('asked whether it is reception, the bot says it is automated; praise with a qualifier is thanked, and a put-down is never "you’re welcome"', async () => {
      const desk = await say('am i talking to reception?');
      expect(desk.text).to.match(/automated assistant/);
      const praise = await say('not too bad for a chatbot');
      expect(praise.text).to.match(/kind of you/);
      const putDown = await say('what a dumb robot');
      expect(putDown.text).to.match(/Sorry that wasn’t helpful/);
      expect(putDown.text).to.not.match(/You’re welcome/);
    });

    it('"is needling worth trying for it, or should I stick with my insoles?" after a condition answer is about that condition', async () => {
      const r = await afterSaying('i have plantar fasciitis', 'is needling worth trying for it, or should I stick with my insoles?');
      expect(r.text).to.match(/Plantar fasciitis/);
      expect(r.text).to.not.match(/“insoles” isn’t on the list/);
    });

    it('how acupuncture helps a listed ailment says what its practitioners believe (meridians, chi)', async () => {
      const r = await say('how does acupuncture help with insomnia?');
      expect(r.text).to.match(/insomnia/);
      expect(r.text).to.match(/meridian lines/);
      expect(r.text).to.match(/chi/);
    });

    it('self-care or another therapy told as tried, then a question about the needles, is answered about the complaint', async () => {
      const heel = await say(
        'Physio told me to buy new runners and ice it. Spent heaps, still stabbing under my heel first thing in the morning. Could needles do anything?',
      );
      expect(heel.text).to.match(/Plantar fasciitis/);
      const leg = await say('Chiro adjusted me twice, no better. Pain runs from my buttock down the back of my thigh. Do you use needles for this?');
      expect(leg.text).to.match(/Sciatica/);
      expect(leg.text).to.not.match(/can’t tell you about “chiro”/);
    });

    it('"has that been scientifically proven?" after a condition answer is what the article says of research', async () => {
      const r = await afterSaying('can acupuncture help insomnia?', 'has that been scientifically proven?');
      expect(r.text).to.match(/scientific research/);
    });

    it('an emoji that asks (🤔) ends a question: the difference is answered, whatever is told after it', async () => {
      const r = await say('whats acu vs dn 🤔 my mate swears by dn');
      expect(r.text).to.match(/different theories/);
    });

    it('whether anyone is there at this hour is a greeting, and a person asked for in a message that says more is a handoff', async () => {
      const there = await say('anyone awake at this hour or am I talking to myself');
      expect(there.text).to.match(/What would you like to know/);
      expect(there.text).to.not.match(/Lifeline|crisis/i);
      const person = await say('My mate got me onto this. Can I talk to the actual acupuncturist about my history first? A website can’t know that.');
      expect(person.text).to.match(/reach a person|flagged this conversation/);
    });

    it('two listed conditions set side by side to tell apart are both named, with no "Yes." for each and no invented difference', async () => {
      const r = await say("whats the diff between golfer's elbow and tennis elbow");
      expect(r.text).to.match(/Golfer’s elbow/);
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.match(/does not explain how they differ/);
      expect(r.text).to.not.match(/^Yes\./);
    });

    it('whether needling is better than a cortisone or steroid shot is a medicine question for the doctor, never "which would you like help with?"', async () => {
      const r = await say('would dry needling work better than another steroid shot?');
      expect(r.text).to.match(/can’t give advice about medicines/);
      expect(r.text).to.not.match(/what would you mainly like help with/);
    });

    it('whether needling is ok for someone on warfarin is for the team, never "which would you like help with?"', async () => {
      const r = await say("I'm on warfarin, is dry needling alright for me?");
      expect(r.text).to.match(/blood thinners/);
      expect(r.text).to.match(/don’t have that information/);
      expect(r.text).to.not.match(/what would you mainly like help with/);
    });
  });

  describe("session 54's kinds: dictated messages, sceptics' questions and what is told only as a reason", () => {
    it('a listed name a dictating phone split into ordinary words is the listed one', async () => {
      expect((await say('does dry needling help with tennis el bow')).text).to.match(/Tennis elbow/);
      expect((await say('is fiber my algae something you treat')).text).to.match(/Fibromyalgia/);
      expect((await say('do you treat my of fascial pain syndrome')).text).to.match(/Myofascial pain syndrome/);
    });

    it('punctuation spoken as words ends the question it was said after', async () => {
      const r = await say('is this Karen at reception question mark I rang yesterday');
      expect(r.text).to.match(/automated assistant/);
    });

    it('a person of the front desk asked for by a name typed in lower case is told the truth: an automated assistant', async () => {
      const r = await say('is this mel from reception? we spoke on the phone');
      expect(r.text).to.match(/automated assistant/);
    });

    it('questions run together without a mark are each answered', async () => {
      const r = await say('whats a trigger point what does chi mean');
      expect(r.text).to.match(/knots/);
      expect(r.text).to.match(/meridian/);
    });

    it('whether a condition missing from the list is still treated is answered from the list itself', async () => {
      const r = await say("what if my condition isn't on your list?");
      expect(r.text).to.match(/not limited/);
    });

    it('the evidence asked for an unlisted condition says it is not on the list, never the evidence alone', async () => {
      const r = await say('is there any proof dry needling works for gout?');
      expect(r.text).to.match(/“gout” is not on our article’s list/);
    });

    it('who practises a treatment, asked by trades beside another service, is the article’s answer, not a declined service', async () => {
      const r = await say('do chiros and massage therapists do dry needling?');
      expect(r.text).to.match(/Myotherapy/);
    });

    it('a greeting says the bot is an automated assistant and what it helps with', async () => {
      const r = await say("g'day");
      expect(r.text).to.match(/automated assistant/);
      expect(r.text).to.match(/help/);
    });

    it('being compared favourably with Dr Google is thanked, not turned away', async () => {
      const r = await say("Ha, good one. You're more useful than Dr Google.");
      expect(r.text).to.match(/kind of you|glad/);
      expect(r.text).to.not.match(/didn’t understand/);
    });

    it('a straight answer demanded after an unlisted condition repeats that it is not on the list', async () => {
      const r = await afterSaying('can acupuncture help my asthma?', 'so is that a no? just give me a straight answer');
      expect(r.text).to.match(/isn’t on the list/);
    });

    it('a complaint told only as why parking matters is no question about the complaint', async () => {
      const r = await say("is there parking close by or do I need to walk, I've got a crook knee and can't walk far");
      expect(r.text).to.not.match(/Knee pain/);
      expect(r.text).to.match(/don’t have that information/);
    });

    it('a training programme asked to be written is not the bot’s to write, and no condition answer', async () => {
      const r = await say('could you put together a six week stretching routine for my calves');
      expect(r.text).to.not.match(/closest condition|conditions our article lists/);
      expect(r.text).to.match(/contact us/);
    });

    it('whether one treatment is proven for a listed condition is a question about that condition, never a yes nor a preference made up', async () => {
      const r = await say('is dry needling proven for plantar fasciitis?');
      expect(r.text).to.match(/Plantar fasciitis/);
      expect(r.text).to.not.match(/^\s*Yes\b/);
      const back = await say('is acupuncture proven for back pain');
      expect(back.text).to.not.match(/You prefer/);
      expect(back.text).to.match(/Chronic lower back pain/);
    });

    it('an ailment the article says acupuncture is increasingly used for is said so', async () => {
      const r = await say('has acupuncture always been used for inflammation?');
      expect(r.text).to.match(/increasingly/);
    });
  });

  describe("session 53's kinds: half-remembered names and other people's stories told beside the question", () => {
    it("a workmate's advice told between the complaint and the question does not hide the complaint", async () => {
      const r = await say(
        "I've been laying tiles all week and now the outside of my elbow aches whenever I grip anything. Bloke at work said get the needle thing done. Is that something you treat?",
      );
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('the Chinese needles and the physio ones are the two treatments, told apart', async () => {
      const r = await say("what's the difference between the Chinese needles and the physio ones?");
      expect(r.text).to.match(/Western medicine/);
      expect(r.text).to.match(/meridian/);
    });

    it('a condition name half-remembered by its sound ("plantar fasha", "carpool tunnel") is the listed one', async () => {
      const heel = await say('is plantar fasha on your list?');
      expect(heel.text).to.match(/Plantar fasciitis/);
      const wrist = await say('does it help carpool tunnel');
      expect(wrist.text).to.match(/Carpal tunnel syndrome/);
    });

    it('what someone else paid, asked as "what you charge", is a price question for the clinic, never an invented figure', async () => {
      const r = await say('my mate paid eighty bucks for dry needling somewhere else, is that about what you charge?');
      expect(r.text).to.match(/Phone:/);
      expect(r.text).to.not.match(/\$\s?\d/);
      expect(r.text).to.not.match(/developed in the 1980s/);
    });

    it('an apology for muddling the medical names is met with what can be asked, not turned away', async () => {
      const r = await say("sorry, I'm terrible with all the medical names");
      expect(r.text).to.match(/You can ask me/);
    });
  });

  describe("session 52's kinds: stories with the question at the end, nerves, and what is told beside the question", () => {
    it('a voucher for an occasion is no complaint: the choice is asked, never “isn’t on the list”', async () => {
      const r = await say("My kids got me a voucher for my 60th, it's for acupuncture or dry needling. Which would suit me better?");
      expect(r.text).to.not.match(/isn’t on the list/);
      expect(r.text).to.match(/what would you mainly like help with/);
    });

    it('a choice that points back at the story told ("aimed at that sort of thing") is weighed on the story', async () => {
      const r = await say(
        'My physio says thirty years at a desk have ruined my posture and my muscles have learnt to hold me wrong. Which treatment is aimed at that sort of thing?',
      );
      expect(r.text).to.match(/points to dry needling/);
      expect(r.text).to.match(/postural/);
    });

    it('what it feels like when it goes in is the feeling asked, which the article does not describe', async () => {
      const r = await say('what does acupuncture feel like when it goes in, like a pinch or a sting or what');
      expect(r.text).to.not.match(/meridian lines/);
      expect(r.text).to.match(/Phone:/);
    });

    it('numbing cream asked beside the nerves is a medicine asked about; thanks with the nerves still there are met kindly', async () => {
      const cream = await say('can i use numbing cream beforehand? needles freak me out');
      expect(cream.text).to.match(/medicines such as “numbing cream”/);
      const nerves = await say("thanks, I'll think about it, still a bit nervous");
      expect(nerves.text).to.match(/very common worry/);
      expect(nerves.text).to.not.match(/don’t have that information/);
    });

    it('how to book, asked first with the nerves after it, is a booking', async () => {
      const r = await afterSaying('is dry needling used for shin splints', 'ok how do i book, bit nervous but ill do it');
      expect(r.text).to.match(/book online/i);
      expect(r.text).to.not.match(/trigger points/);
    });

    it('wellbeing wanted, “not just for one tight muscle”, points to acupuncture', async () => {
      const r = await say(
        'I want something for my overall wellbeing and balance, not just for one tight muscle. Which would suit me, acupuncture or dry needling?',
      );
      expect(r.text).to.match(/points to acupuncture/);
    });

    it('safety in pregnancy, and WorkCover with a referral, are the clinic’s to say: the complaint told as the reason is not answered', async () => {
      const pregnant = await say("I'm 20 weeks pregnant and my hips are aching. Is acupuncture safe in pregnancy?");
      expect(pregnant.text).to.match(/pregnancy/);
      expect(pregnant.text).to.not.match(/Hip pain/);
      const work = await say("I tweaked my back at work and it's a WorkCover claim. Do you take WorkCover, and do I need a GP referral?");
      expect(work.text).to.not.match(/Chronic lower back pain/);
      expect(work.text).to.match(/Phone:/);
    });

    it('an operation still to come is no post-surgical pain; pain after one had still is', async () => {
      const ahead = await say("I'm having a hip operation in March. My surgeon wants me off the smokes before then, can you do that with needles?");
      expect(ahead.text).to.not.match(/Post-surgical pain/);
      const behind = await say('Had my ankle operated on in May and it still aches most days. Would dry needling help with that?');
      expect(behind.text).to.match(/Post-surgical pain/);
    });

    it('a complaint the writer is “not worried about” is set aside; a stress that sets off a listed complaint is no question', async () => {
      const aside = await say(
        "My shoulders are a bit tight but they've been like that forever, I'm not worried about that. Is tinnitus something you treat?",
      );
      expect(aside.text).to.match(/“tinnitus” isn’t on the list/);
      expect(aside.text).to.not.match(/Shoulder impingement/);
      const jaw = await say("My jaw aches and clicks, and I clench when I'm stressed, which is always. My dentist called it TMJ. Can you help?");
      expect(jaw.text).to.match(/Temporomandibular/);
      expect(jaw.text).to.not.match(/stress management/);
    });

    it('harm to a replaced joint, asked, is not the article’s to say: never a “Yes.” for the joint and the operation', async () => {
      const r = await say('could dry needling muck up my replaced knee?');
      expect(r.text).to.not.match(/^Yes\./m);
      expect(r.text).to.match(/doesn’t cover that/);
    });

    it('one said to be just the other, "who\'s right?", is whether they are the same', async () => {
      const r = await say("my mate says dry needling is basically acupuncture done by physios. who's right?");
      expect(r.text).to.match(/not the same/);
    });

    it('a complaint asked of "or is that a myth" is asked of; "hw mch" is a price; a needle far from the gut is the meridians and nerve signalling', async () => {
      const myth = await say('does dry needling help tinnitus or is that a myth?');
      expect(myth.text).to.match(/“tinnitus” isn’t on the list/);
      const price = await say('hw mch 4 acu?');
      expect(price.text).to.match(/don’t have that information/);
      const far = await say('why put needles in my hand for a tummy problem? how is that meant to reach my gut');
      expect(far.text).to.match(/organs/);
    });
  });

  describe("session 51's kinds: clinicians' shorthand, other therapies told beside the question, and who said it", () => {
    it('the chat praised against professionals is thanked, never declined or asked which treatment', async () => {
      const r = await say("honestly you explain this stuff better than most of the specialists I've seen lol");
      expect(r.text).to.match(/Thank you|glad/);
      expect(r.text).to.not.match(/not something I can help with/);
      const gp = await say('Thanks, that makes more sense than my GP ever bothered to.');
      expect(gp.text).to.not.match(/Do you mean acupuncture or dry needling\?/);
    });

    it('a practitioner who said it is told, not a service asked about; a question after a spaced dash is the question', async () => {
      const r = await say("My chiro said acupuncture is being used for more and more things lately - what's it increasingly used for?");
      expect(r.text).to.match(/stress management/);
      expect(r.text).to.not.match(/can’t tell you about “chiro”|isn’t on the list/);
      const asked = await say('my chiro reckons dry needling is rubbish, do you do chiro?');
      expect(asked.text).to.match(/can’t tell you about “chiro”/);
    });

    it('on whose behalf it is asked ("askin 4 my dad x") is no part of the question', async () => {
      const r = await say('acu 4 anxiety?? askin 4 my mum x');
      expect(r.text).to.match(/stress management/);
      expect(r.text).to.not.match(/Which of these did you want/);
    });

    it('clinicians’ shorthand names the condition: LBP, hx, and L) for the left leg', async () => {
      const r = await say('RN here, pt w/ chronic LBP, 10 yr hx, asking about needling');
      expect(r.text).to.match(/Chronic lower back pain/);
      const leg = await afterSaying('RN here, pt w/ chronic LBP, 10 yr hx, asking about needling', "now it's radiating down his L) leg to the foot");
      expect(leg.text).to.match(/Sciatica/);
    });

    it('"which one\'s better for" posture, after the neck described, is the choice weighed on it', async () => {
      const r = await say(
        "Posture's terrible from hunching over the ward computer on long shifts, neck & shoulder muscles always tense. Which one's better for sorting out posture & muscle tension?",
      );
      expect(r.text).to.match(/points to dry needling/);
      expect(r.text).to.match(/postural/);
    });

    it('where the writer had a treatment, and what their extras cover, are told: no article passage answers them', async () => {
      const cupping = await say('Do you also do cupping? Had it at a Chinese medicine place once and loved it');
      expect(cupping.text).to.match(/can’t tell you about “cupping”/);
      expect(cupping.text).to.not.match(/meridian lines/);
      const extras = await say('Do you have HICAPS? My extras cover physio and chiro. Is there a Medicare rebate?');
      expect(extras.text).to.not.match(/Myotherapy/);
    });

    it('a traditional approach wanted, with both treatments told as others’ ways, decides the choice: acupuncture', async () => {
      const r = await say(
        "I'd like a more traditional approach. My aunty swore by acupuncture, whereas my physio offered me dry needling. Which fits what I'm after?",
      );
      expect(r.text).to.match(/points to acupuncture/);
      expect(r.text).to.not.match(/what would you mainly like help with/);
    });

    it('what someone reckons of the two, checked ("is that how you see it?"), is how they differ', async () => {
      const r = await say('My osteo reckons acupuncture is more for the inside stuff and dry needling more for muscles. Is that how you see it?');
      expect(r.text).to.match(/internal ailments/);
      expect(r.text).to.not.match(/don’t have that information/);
    });

    it('"wud dn help or nah" after a listed complaint told is asked of it; what was tried is no question', async () => {
      const r = await say('migraines 3x a wk, tried pills, chiro, everythin. wud dn help or nah');
      expect(r.text).to.match(/Migraine and tension-type headaches/);
      expect(r.text).to.not.match(/Myotherapy|isn’t on the list/);
    });

    it('what someone says of the writer ("says I\'m being a sook") names no diagnosis: the outside of the elbow is tennis elbow', async () => {
      const r = await say(
        "Now the bony bit on the OUTSIDE of my elbow hurts whenever I grip the kettle. It's been three weeks. My husband says I'm being a sook. Would dry needling be used for something like this?",
      );
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('an apology beside the question is no question; "improve your eyesight" asks about eyesight, unlisted', async () => {
      const r = await say("Sorry if this is a silly question. I'm getting short-sighted and hate my glasses. Can acupuncture improve your eyesight?");
      expect(r.text).to.match(/“eyesight” isn’t on the list/);
      expect(r.text).to.not.match(/meridian lines/);
    });

    it('thanks signed off after a listed condition and a treatment ("dn y/n cheers") is the question, not thanks', async () => {
      const r = await say('tennis elbow dn y/n cheers');
      expect(r.text).to.match(/Tennis elbow/);
      expect(r.text).to.not.match(/You’re welcome/);
    });

    it('a traditional approach wanted and the choice asked for oneself is the recommendation, never "That is acupuncture"', async () => {
      const r = await say(
        "I'm not after a sports-physio type thing. I'd like something more traditional that looks at my overall balance, I've just been feeling out of sorts. Which of the two would suit me?",
      );
      expect(r.text).to.match(/points to acupuncture/);
      expect(r.text).to.not.match(/^Please contact the clinic|That is acupuncture/);
    });

    it('what a practitioner said of how it would go ("said it\'d settle") names no diagnosis: the description still counts', async () => {
      const r = await say("Pain on the inside of my elbow near the knobbly bit. The chiro said it'd settle but it hasn't. Can needles help?");
      expect(r.text).to.match(/Golfer’s elbow/);
    });
  });

  describe("session 50's kinds: office workers' shorthand and questions about the knots themselves", () => {
    it('a strain of the eyes or the voice is not a muscle strain: said to be unlisted, never "Yes"', async () => {
      const r = await say('Is acupuncture or dry needling used for eye strain?');
      expect(r.text).to.match(/“eye strain” isn’t on the list/);
      expect(r.text).to.not.match(/^(Yes|Muscle strains and sprains is on)/);
      const calf = await say('strained my calf at footy, can dry needling help');
      expect(calf.text).to.match(/Muscle strains and sprains/);
    });

    it('"something people use for" a thing the article does not list is asked about that thing', async () => {
      const r = await say('Is acupuncture something people use for weight loss?');
      expect(r.text).to.match(/“weight loss” isn’t on the list/);
    });

    it('what the treatment is good for, texted with "4" and "tbh", is its uses, never "tbh" as a condition', async () => {
      const r = await say('wat is acu actually good 4 tbh');
      expect(r.text).to.match(/digestive issues, insomnia/);
      expect(r.text).to.not.match(/tbh|isn’t on the list/);
    });

    it('what muscle knots trap, what is inside them or why they hurt is the article’s idea of knots, not a "Yes" about a condition', async () => {
      const r = await say('According to the article, what do muscle knots trap?');
      expect(r.text).to.match(/lactic acid/);
      expect(r.text).to.not.match(/^Yes/);
      const why = await say('why do muscle knots hurt?');
      expect(why.text).to.not.match(/^Yes/);
      const helps = await say('can dry needling help muscle knots?');
      expect(helps.text).to.match(/Myofascial pain syndrome/);
    });

    it('"is that for acupuncture or just dn?" after a condition is which of the two lists it, never whether one is "just" the other', async () => {
      const r = await afterSaying(
        'My shoulder gives a sharp pinch when I reach up to write on the whiteboard in meetings. Is that on your list?',
        'is that for acupuncture or just dn?',
      );
      expect(r.text).to.match(/Shoulder impingement syndrome/);
      expect(r.text).to.match(/dry needling/);
      expect(r.text).to.not.match(/They are not the same/);
      const list = await say('The list of conditions on your page - is that for acupuncture or dry needling?');
      expect(list.text).to.not.match(/what would you mainly like help with/);
    });

    it('not knowing what one needs is the choice between the two, asked: the bot asks what would help, never declines', async () => {
      const r = await say("honestly don't know what I need, just want to feel less wrecked after work");
      expect(r.text).to.match(/what would you mainly like help with/);
      expect(r.text).to.not.match(/don’t have that information/);
    });

    it('kind words about the article, and passing it on, are thanked, never "not something I can help with"', async () => {
      const r = await say('Great explainer btw, sharing it with my team FYI 🙌');
      expect(r.text).to.match(/Thank you/);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('"does that mean it would do X?" after what was read is asked about X, never dropped; where the writer thinks they saw a thing mentioned, told, is no question', async () => {
      const r = await say(
        'so I read the bit about meridians and organs quickly... does that mean acupuncture would do the ringing in my ears? my GP calls it tinnitus',
      );
      expect(r.text).to.match(/“ringing in my ears” isn’t on the list/);
      const cupping = await say('do you do cupping as well? thought I saw it mentioned somewhere with the chi stuff');
      expect(cupping.text).to.match(/can’t tell you about “cupping”/);
      expect(cupping.text).to.not.match(/meridian lines/);
    });

    it('a listed word given as the premise ("if it\'s about inflammation…") does not answer for the complaint asked about', async () => {
      const r = await say("so if it's about inflammation and stuff, would it clear up my eczema? itchy patches on both arms");
      expect(r.text).to.match(/“eczema” isn’t on the list/);
    });

    it('"which needle therapy fits that?" after a problem told is the choice, weighed on it', async () => {
      const r = await say(
        'my physio said something about postural re-something, I hunch and my upper back muscles are tight. which needle therapy fits that?',
      );
      expect(r.text).to.match(/points to dry needling/);
      expect(r.text).to.match(/postural re-patterning/);
    });

    it('an apology for the questions and for only skimming the article is answered kindly, never "not something I can help with"', async () => {
      const r = await say('sorry for all the dumb questions, I only skimmed it on my phone lol');
      expect(r.text).to.not.match(/not something I can help with|didn’t understand/);
    });

    it('"not the outside, the inside of the elbow" denies the one place and describes the other: golfer’s elbow', async () => {
      const r = await say(
        'not the outside, the INSIDE of the elbow, the bit on the side closest to me body. sore as from swinging a hammer framing all day. is that one on ur list',
      );
      expect(r.text).to.match(/Golfer’s elbow/);
      expect(r.text).to.not.match(/isn’t on the list/);
    });

    it('"is that list all you do or just some?" is what the article says of its list: not limited to it', async () => {
      const r = await say('is that list of conditions all u do or just some');
      expect(r.text).to.match(/not limited to/);
      expect(r.text).to.not.match(/Do you mean acupuncture or dry needling\?/);
    });

    it('kind words about the chat and whoever set it up are thanked', async () => {
      const r = await say('this is pretty handy, good job whoever set it up');
      expect(r.text).to.match(/Thank you/);
    });

    it('how to set up a desk or a screen is self-care the article does not give, with the contacts, never "Yes" about the neck', async () => {
      const r = await say('What height should my monitor be so my neck stops hurting? Trying to sort out my WFH setup.');
      expect(r.text).to.match(/doesn’t give advice on how to set up a desk or screen/);
      expect(r.text).to.match(/Phone:/);
      expect(r.text).to.not.match(/^Yes/);
      const neck = await say('my neck hurts from looking down at my monitor all day, can dry needling help?');
      expect(neck.text).to.match(/Neck pain and tension headaches/);
    });
  });
  describe("session 49's kinds: sceptics and first-timers telling their story, words asked to be explained", () => {
    it('a label the article does not explain, asked to be explained, is said honestly, never "Yes" about a condition', async () => {
      const r = await say("The GP wrote 'costochondritis' on my referral. What does that actually mean?");
      expect(r.text).to.match(/doesn’t explain what “costochondritis” means/);
      expect(r.text).to.match(/Phone:/);
      expect(r.text).to.not.match(/^Yes/);
      const quoted = await say("what does 'referred pain' mean?");
      expect(quoted.text).to.match(/doesn’t explain what “referred pain” means/);
      const own = await say('what does myofascial mean?');
      expect(own.text).to.match(/trigger points/);
    });

    it('a question asked first and a story told after: the question is answered, not the story', async () => {
      const r = await say(
        "Can you tell me what dry needling actually does once it's in? My physio just dug her thumb into the sore spot and nothing changed.",
      );
      expect(r.text).to.match(/trigger points/);
      expect(r.text).to.not.match(/^According to our article, dry needling is commonly used in Myotherapy|000/);
      // (pressure held for ages with no wound or blood named is no bleed)
      const pressed = await say('what do the needles do exactly? my chiro just pressed on it for ages and nothing changed');
      expect(pressed.text).to.not.match(/000/);
    });

    it('a treatment told as what another clinic did beside another therapy is no question about it', async () => {
      const r = await say('Do you do remedial massage too? My old clinic did it along with the dry needling.');
      expect(r.text).to.match(/can’t tell you about “remedial massage”/);
      expect(r.text).to.not.match(/trigger points/);
    });

    it('what someone said of the two, checked ("is he right or is that a myth?"), is how they differ', async () => {
      const r = await say('My mate says acupuncture is more for the insides and dry needling more for muscles. Is he right or is that a myth?');
      expect(r.text).to.match(/internal ailments/);
      expect(r.text).to.match(/muscle relief/);
    });

    it('"so which one then" asked first, the problems told after, is the choice weighed on them', async () => {
      const r = await afterSaying('What is dry needling?', "so which one then. mostly I can't sleep and I'm stressed, not really sore muscles");
      expect(r.text).to.match(/points to acupuncture/);
      expect(r.text).to.not.match(/Some of the conditions we can use dry needling for/);
    });

    it('harm to a replaced joint or an implant is not covered, never "Yes"; asking one’s own doctor first is a good idea', async () => {
      const r = await say('would dry needling mess with the plates in my ankle?');
      expect(r.text).to.match(/doesn’t cover that/);
      expect(r.text).to.not.match(/^Yes/);
      const hip = await say('could the needles damage my new hip?');
      expect(hip.text).to.not.match(/^Yes/);
      const doctor = await say('should I check with my GP first?');
      expect(doctor.text).to.match(/Checking with your GP first is a good idea/);
      expect(doctor.text).to.match(/Phone:/);
    });

    it('a premise inside the question ("since they both put needles in") does not pick the passage: the two are not the same', async () => {
      const r = await say("I was just wondering, since they both put needles in, aren't acupuncture and dry needling really the same thing?");
      expect(r.text).to.match(/They are not the same/);
      const long = await say(
        'good afternoon my daughter set up this chat for me and i have been reading about needles because my friend from church goes to a physio for her hip and she says dry needling is the same as the acupuncture her sister had but i was not sure so i thought i would ask is acupuncture the same as dry needling',
      );
      expect(long.text).to.match(/They are not the same/);
      expect(long.text).to.not.match(/Hip pain/);
    });

    it('two questions, each naming its own treatment and condition, are both answered', async () => {
      const r = await say('My GP suggested dry needling for my sciatica - is that on your list? And would acupuncture help my reflux?');
      expect(r.text).to.match(/Sciatica/);
      expect(r.text).to.match(/digestive issues/);
    });

    it('what actually gets released from a knot is what the article says the knots trap', async () => {
      const r = await say('Someone at work said the needle releases stuff from a knot. What actually gets released?');
      expect(r.text).to.match(/lactic acid/);
    });

    it('who would be doing the needling, and whether they are qualified, is the team’s to tell', async () => {
      const r = await say('Who would be doing the needling on the day? Are they qualified?');
      expect(r.text).to.match(/Our team can answer/);
      expect(r.text).to.not.match(/Myotherapy/);
    });
  });

  describe("session 48's kinds: older and first-language writers, follow-ups that point elsewhere", () => {
    it('chronic pain told as in the joints and muscles, and which of the two is for it: the article says both', async () => {
      const r = await say('I have had chronic pain in my joints and muscles for many years. Which of the two would be the one for chronic pain?');
      expect(r.text).to.match(/both can be used for musculoskeletal conditions and chronic pain/);
      expect(r.text).to.not.match(/points to dry needling/);
    });

    it('"When you say \'internal ailments\', what do you mean? Things like the stomach?" is one question, answered from the article', async () => {
      const r = await say("When you say one treatment is more for 'internal ailments', what do you mean by that? Things like the stomach?");
      expect(r.text).to.match(/internal ailments/);
      expect(r.text).to.match(/digestive issues/);
      expect(r.text).to.not.match(/don’t have that information/);
    });

    it('what happens once a knot has let go is what releasing trigger points does (lactic acid, blood circulation)', async () => {
      const r = await say('Once the knot in the muscle has let go, what happens then?');
      expect(r.text).to.match(/lactic acid/);
      expect(r.text).to.match(/blood circulation/);
    });

    it('"are both of those on your list?" names no condition of its own', async () => {
      const r = await say('I have a sore knee and my wife has a stiff neck. Are both of those on your list?');
      expect(r.text).to.match(/Knee pain/);
      expect(r.text).to.match(/Neck pain/);
      expect(r.text).to.not.match(/“both of those” isn’t on the list/);
    });

    it('a listed complaint and an unlisted one told together, then "either of them?", answers both: the listed one and the honest "not on the list"', async () => {
      const r = await say('I have carpal tunnel and also tinnitus. Can needling help with either of them?');
      expect(r.text).to.match(/Carpal tunnel syndrome/);
      expect(r.text).to.match(/“tinnitus” isn’t on the list/);
      expect(r.text).to.not.match(/“either of them”/);
      const two = await say('I have asthma and my wife has a stiff neck. Are they both on the list?');
      expect(two.text).to.match(/“asthma” isn’t on the list/);
      expect(two.text).to.match(/Neck pain/);
    });

    it('the cost of treating it, asked beside a condition, is the team’s to tell', async () => {
      const r = await say('I have a clicking jaw. Is that on your list, and what would the cost be to treat it?');
      expect(r.text).to.match(/Temporomandibular/);
      expect(r.text).to.match(/Our team can answer/);
    });

    it('"does the other treatment work on the chi as well?" after acupuncture asks about dry needling, whose the chi is not', async () => {
      const r = await afterSaying(
        "What is this 'chi' I keep hearing about with the acupuncture?",
        'And does the other treatment work on the chi as well?',
      );
      expect(r.text).to.match(/belongs to acupuncture, not dry needling/);
      expect(r.text).to.match(/knots/);
    });

    it('a writer excusing their English, asking to be understood or to ask questions, is reassured, never declined', async () => {
      const understood = await say('Forgive me, my English is not so good, I am from Croatia. Can you understand what I write?');
      expect(understood.text).to.match(/No need to apologise/);
      const ask = await say('Good morning. I am new in Australia, my English is not so good, sorry. I can ask you some questions about the needles?');
      expect(ask.text).to.not.match(/isn’t on the list|not something I can help with/);
    });

    it('who to ask, or "so I should just ask?", after an unlisted condition gets the clinic’s people', async () => {
      const who = await afterSaying('Would dry needling help with bunions?', 'ok fair enough, who could I ask about it then?');
      expect(who.text).to.match(/reach a person/);
      expect(who.text).to.not.match(/Myotherapy/);
      const ask = await afterSaying(
        'Is that list of 21 conditions everything you use dry needling for?',
        'so if mine isnt on there i should just ask?',
      );
      expect(ask.text).to.match(/reach a person/);
    });

    it('"is it an old practice or more modern?" after acupuncture is its age', async () => {
      const r = await afterSaying('Where does acupuncture originally come from?', 'is it an old practice or more modern?');
      expect(r.text).to.match(/ancient/);
      expect(r.text).to.not.match(/don’t have that information/);
    });

    it('a question with nothing of the clinic’s in it after dry needling ("where can I get a coffee?") gets no passage about needles', async () => {
      const r = await afterSaying('what is dry needling', 'is there a cafe nearby where my husband can wait for me?');
      expect(r.text).to.not.match(/trigger points/);
    });

    it('"would it help the posture side of things or just the knots?" is about posture', async () => {
      const r = await afterSaying('what is dry needling', 'would it help the posture side of things or just the knots?');
      expect(r.text).to.match(/postural re-patterning/);
    });

    it('problems told, then "which of your two treatments would suit me?", is the choice, never a passage about one told sentence', async () => {
      const r = await say(
        "Desk job, posture is shocking, and I've got knots in my upper traps that never go away. Which of your two treatments would suit me?",
      );
      expect(r.text).to.match(/points to dry needling/);
      expect(r.text).to.not.match(/lactic acid/);
    });

    it('"can it help me lose weight as well?" names what the person is helped to do, which the list does not have', async () => {
      const r = await say('Does acupuncture help with gut problems? And can it help me lose weight as well?');
      expect(r.text).to.match(/digestive issues/);
      expect(r.text).to.match(/“lose weight” isn’t on the list/);
    });
  });

  describe("session 46's kinds: chat sent a thought a message, medical readers, quotes from the page", () => {
    /** The last reply of one conversation, every turn said in order. */
    async function lastReplyOf(turns: readonly string[]) {
      const c = new Conversation();
      let r = await c.say(turns[0]);
      for (const t of turns.slice(1)) r = await c.say(t);
      return r;
    }

    it('a complaint told with nothing asked is answered as "could it help?", and "that" asks of it next', async () => {
      const told = await say('i have tinnitus');
      expect(told.text).to.match(/tinnitus/);
      expect(told.text).to.not.match(/didn’t understand|not something I can help with/);
      const next = await lastReplyOf(['hello', 'ive had tinnitus since the concert last year', 'can dry needling fix that?']);
      expect(next.text).to.match(/tinnitus/);
      expect(next.text).to.not.match(/Which condition would you like/);
      const leaving = await say("I'll talk it over with my husband and get back to you. Bye for now.");
      expect(leaving.text).to.not.match(/isn’t on the list/);
    });

    it('a lone word that begins one listed name ("golfers?") after a condition answer is that condition', async () => {
      const r = await afterSaying('does dry needling help tennis elbow', 'golfers?');
      expect(r.text).to.match(/Golfer’s elbow/);
    });

    it('after a condition answer, what is told before "can needling help?" (a sport not played, what sets it off) leaves the question of that condition', async () => {
      const golf = await afterSaying('the inside of my elbow aches when i lift the kettle', "i don't even play golf haha. can needling help?");
      expect(golf.text).to.match(/Golfer’s elbow/);
      const kneel = await lastReplyOf(['hi', 'my kneecap aches going down stairs', 'also kneeling = ouch. does dry needling help with that?']);
      expect(kneel.text).to.match(/Knee pain/);
      expect(kneel.text).to.not.match(/isn’t on the list/);
    });

    it('a place of the condition just answered, asked of alone ("can it help a hamstring?"), is that condition, never a clarifying question', async () => {
      const r = await afterSaying('pulled my hamstring at training', 'can dry needling help a hamstring?');
      expect(r.text).to.match(/Muscle strains and sprains/);
      expect(r.text).to.match(/closest condition|one of the conditions/);
    });

    it('"is that a dry needling thing?" after a partial match keeps it partial', async () => {
      const r = await afterSaying('got shin splints from running, both shins ache after every run', 'is that a dry needling thing?');
      expect(r.text).to.match(/Sports injuries/);
      expect(r.text).to.match(/does not mention “shin splints”/);
    });

    it('"is she right?" after what someone said checks it against the same passage', async () => {
      const r = await afterSaying('my sister reckons dry needling was invented in china', 'is she right?');
      expect(r.text).to.match(/1980s/);
    });

    it('questions announced ("quick qs") are welcomed, and both questions that follow are answered', async () => {
      const hello = await say('quick qs');
      expect(hello.text).to.match(/What would you like to know/);
      const both = await afterSaying('a few quick questions', 'what is a meridian and what is a trigger point?');
      expect(both.text).to.match(/meridian/);
      expect(both.text).to.match(/knots/);
    });

    it('"keep it short pls" after the difference is the difference again, never declined', async () => {
      const r = await afterSaying('whats the difference between acu and dn', 'keep it short pls');
      expect(r.text).to.match(/different theories/);
      expect(r.text).to.not.match(/not something I can help with/);
    });

    it('thanks with a comment after it is thanks; asked whether it is a practitioner or a program, the bot says it is automated', async () => {
      const thanks = await say('Thanks, that really cleared things up for me and my wife.');
      expect(thanks.text).to.match(/You’re welcome/);
      const bot = await say('are you a qualified acupuncturist or just a program?');
      expect(bot.text).to.match(/automated assistant/);
    });

    it('"the first one" after both treatments were talked about is the one before the last', async () => {
      const r = await lastReplyOf(['what is acupuncture based on?', 'what about the other one?', 'how old is the first one?']);
      expect(r.text).to.match(/ancient/);
      expect(r.text).to.not.match(/1980s/);
    });

    it("a word quoted from the page ('increasingly') is answered from the answer that holds it", async () => {
      const r = await say("the page says acupuncture is 'increasingly' used for some things, what are they?");
      expect(r.text).to.match(/stress management/);
      expect(r.text).to.match(/inflammation/);
    });
  });
});
