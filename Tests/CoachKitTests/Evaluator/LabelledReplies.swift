/// Labelled replies: one a line, `LABELS :: REPLY` or `LABELS :: REPLY :: CUSTOMER LINE`.
///
/// Labels, separated by spaces:
/// - `+id` the signal is found; `+id="words"` found on exactly those words;
/// - `-id` the signal is not found;
/// - `!id` the anti-pattern is found; `!id="words"` on exactly those words;
/// - `~id` the anti-pattern is not found;
/// - `Q` a question, `open` an open question, `closed` a question and not an open one, `noQ` no
///   question;
/// - `E:strong`, `U:weak`, `O:none`, `C:…` the strength of Empathy, Understand, Offer, Check.
///
/// Lines starting with `#` name a group. Hard negatives sit beside the cases they resemble.
enum LabelledReplies {
  static let text = #"""
    # Empathy: feelings named
    +feeling="frustrating" E:strong :: That sounds really frustrating.
    +feeling="upset" :: I can hear how upset you are about this.
    +feeling="worried" :: You must be worried about the wedding.
    +feeling="disappointed" :: I'd be disappointed too, honestly.
    +feeling="annoyed" :: It's annoying when a delivery slips like this, and you're clearly annoyed.
    +feeling="stressful" :: What a stressful week this must have been.
    +feeling="let down" :: You feel let down, and I get that.
    +feeling="fed up" :: You're fed up with chasing us, and rightly so.
    +feeling="anxious" :: I know waiting for news like this makes people anxious.
    +feeling="confusing" :: The bill is confusing, I can see that.
    +feeling="furious" :: Anyone would be furious after three missed deliveries.
    +feeling :: I can tell you're really stressed about the deadline.
    +feeling :: That must have been so embarrassing in front of your guests.
    +feeling :: I understand how inconvenient this has been.
    +feeling :: It sounds exhausting to keep calling back.
    # Feeling words in other senses, negated, or about the rep
    -feeling :: As far as I'm concerned, the order has shipped.
    -feeling :: Feel free to call us any time.
    -feeling :: I feel that the invoice is correct.
    -feeling :: I'm not worried about the delivery.
    -feeling :: We're not concerned with the old address any more.
    -feeling :: Concerning your order, it left the warehouse today.
    -feeling !cliche :: I know how you feel.
    -feeling !cliche :: I understand exactly how you feel, but rules are rules.
    # Validation
    +validation="That makes sense" :: That makes sense.
    +validation :: Anyone would be annoyed by that.
    +validation :: You have every right to be upset.
    +validation :: I can see why you'd feel that way.
    +validation :: I'd feel exactly the same in your position.
    +validation :: That's completely understandable.
    +validation :: No wonder you're frustrated.
    +validation :: You're absolutely right, that shouldn't have happened.
    +validation :: That must have been really hard.
    +validation :: Thank you for your patience with this.
    +validation :: Thanks for telling me, I hear you.
    +validation :: You deserve better than this.
    +validation :: That's not the experience you should have had.
    +validation :: I can understand why that's upsetting.
    -validation :: Does that make sense?
    -validation :: That sounds good, I'll book it.
    -validation :: I see your order here in the system.
    -validation :: I understand that you need to send the form first.
    -validation :: It sounds like a plan.
    # Apology, and ownership (its own signal: the records yield to it, not to sympathy)
    +apology="I'm so sorry" E:strong :: I'm so sorry, that's really frustrating.
    +apology :: I apologise for the mix-up.
    +apology :: My apologies for the delay.
    +apology :: Apologies, that should never have happened.
    +ownership :: That's on us, and I'll put it right.
    +ownership :: We dropped the ball here.
    +apology :: We got this wrong, and I'm sorry.
    +ownership :: I take full responsibility for this.
    +ownership :: We let you down, plain and simple.
    +apology :: I’m sorry — that’s on us.
    +ownership :: We should have called you before the engineer left.
    +apology :: I can't apologise enough for this.
    +apology :: I really regret that this happened.
    -apology !defensive :: It's not my fault.
    -apology :: Sorry, could you repeat your order number?
    -apology :: I'm not sorry for following the process.
    -apology :: Sorry to interrupt, what's the postcode?
    -apology !blame :: You should have read the confirmation email.
    -apology :: I'm sorry you feel that way.
    # Inviting the customer to go on
    +invite :: Tell me more, I'm listening.
    +invite :: Take your time, I'm here.
    +invite :: Please go on.
    +invite :: I'm all ears.
    -invite :: Go ahead and send the photos.
    # Contrast takes empathy back
    -validation !contrast="but" :: I understand, but we can't do that.
    -apology !contrast :: I'm sorry, but that's our policy.
    -feeling !contrast :: I know it's frustrating, however the rules are clear.
    +apology ~contrast :: I'm sorry, and I'll fix it today.
    +apology ~contrast :: I'm sorry. I'll fix it today.
    !contrast -apology :: I'm so sorry. But there's nothing I can do.
    # Understand: open questions
    +question.open open :: What happened when the parcel arrived?
    +question.open open :: How did that affect your event?
    +question.open open :: Why do you think the order was cancelled?
    +question.open open :: What would help most right now?
    open :: Tell me what happened.
    open :: Walk me through what you saw on the screen.
    open :: Could you walk me through the steps you took?
    open :: Can you tell me more about the wedding order?
    open :: Help me understand what went wrong at checkout.
    open :: Talk me through the last week.
    open :: What else is going on with the account?
    open :: How are things with the new system so far?
    open :: So what happened next?
    open :: Describe what the error looked like.
    open :: I'd love to hear what you were expecting.
    open :: I wonder what changed on your side last month.
    open :: What's been the hardest part of this for you?
    open :: How have the delays affected your team?
    open :: What did the driver say?
    open :: how did it go when you tried again
    open :: What matters most to you here?
    # Understand: closed questions
    closed +question.closed :: Did the parcel arrive?
    closed :: Is the order number 4471?
    closed :: Have you tried restarting it?
    closed :: Can you confirm your email address?
    closed :: When did you place the order?
    closed :: Where was it delivered?
    closed :: How many items were missing?
    closed :: How long have you been waiting?
    closed :: Which store did you visit?
    closed :: What's your order number?
    closed :: What time did the engineer arrive?
    closed :: Would you like a refund or a replacement?
    closed :: You've already tried the reset?
    closed :: Was that on Monday?
    closed :: Do you have the receipt?
    closed :: Is it the blue one or the red one?
    closed :: Are you still at the same address?
    closed :: Did you get my email
    closed :: Can you send me a photo of the label
    closed :: Tell me your postcode.
    closed :: Who did you speak to last time?
    closed :: I was wondering if the parcel came today.
    closed :: Let me know if the code works.
    closed :: Could I take your account number, please?
    closed :: Right?
    closed :: Okay, so is it working now?
    closed :: And did that fix it?
    # Not questions, whatever the punctuation
    noQ :: What I can do is send a new one today.
    noQ :: How frustrating for you.
    noQ :: What a week you've had.
    noQ :: When you get a chance, send the photos over.
    noQ :: Don't worry about the return label.
    noQ :: Do call us if anything changes.
    noQ :: I'll check what happened and call you back.
    noQ :: Difficult conversations are?never easy.
    noQ :: Our help page is at example.com/help?id=3 for reference.
    noQ :: You asked "why me?" and that's a fair question to ask.
    noQ :: ???
    noQ :: Where you are now matters more than where this started.
    noQ :: How you feel about this matters to me.
    noQ :: Will do.
    noQ :: I will send it today.
    noQ :: Can't wait to get this sorted for you.
    # Reflective summaries
    +summary :: It sounds like you've been waiting all week.
    +summary :: So what I'm hearing is the parts arrived damaged twice.
    +summary :: If I understand correctly, the invoice doubled in March.
    +summary :: Let me make sure I've got this right: the router drops every evening.
    +summary :: You mentioned the engineer never turned up.
    +summary :: So you're saying nobody called you back.
    +summary :: To recap, the refund hasn't reached your account.
    +summary :: From what you've told me, the app logs you out every hour.
    +summary :: It seems like the new plan costs more than you were told.
    +summary +summary.feelings-first :: It sounds like you're really worried because the cake order is for Saturday.
    +summary +summary.feelings-first :: So you're frustrated, because the part arrived broken twice.
    +summary -summary.feelings-first :: So the order 4471 arrived on the 3rd and you're frustrated.
    +summary :: So your parcel never arrived and the wedding is on Saturday. :: My parcel never came and the wedding is Saturday!
    -summary :: Your refund is on its way. :: I want my refund now.
    -summary :: That sounds like a plan, let's do it.
    -summary ~blame :: You were told it would take ten days.
    !past :: You were already told it would take ten days.
    +summary +feeling :: You feel ignored, and that's not okay.
    # Offer: options and choices
    +option O:strong :: We could send a replacement today, or refund you in full. Which would you prefer?
    +option :: What I can do is send a courier tomorrow morning.
    +option :: One option is a full refund; another is a free upgrade.
    +option :: I can offer you a replacement.
    +option :: Would you rather we repair it or replace it?
    +option :: How about a technician visit on Thursday?
    +option :: I'd be happy to waive the fee this month.
    +option :: Alternatively, we can move your booking to next week.
    +option :: I can arrange a loan unit while yours is repaired.
    +option :: We can credit your account with the difference.
    -option :: I can see the order here.
    -option :: I can imagine how annoying that is.
    -option !cannot :: We can't offer a refund.
    -option !cannot :: I can't replace it, sorry.
    -option :: Glad to hear it's working again.
    -option :: You could have called us sooner.
    # Offer: next steps, time frames, follow-up
    +next-step :: I'll book the engineer now.
    +next-step :: I'm going to raise this with the warehouse right now.
    +next-step :: I've already arranged a replacement.
    +next-step :: Let me check the tracking for you.
    +next-step :: Leave it with me.
    -next-step :: Let me know if anything changes.
    -next-step !cannot :: I will not be able to change that.
    +timeframe :: You'll have it by Thursday noon.
    +timeframe :: I'll call you within 24 hours.
    +timeframe :: The refund clears in 3 working days.
    +timeframe :: It'll be with you by the end of the day.
    +timeframe :: I'll email you this afternoon.
    +timeframe :: The engineer will be there at 9am.
    +timeframe :: We'll update you within the next two hours.
    +timeframe :: The courier arrives tomorrow.
    +timeframe :: It should be fixed by Friday.
    -timeframe :: It happened last week.
    +followup :: I'll call you back with an update.
    +followup :: I'll get back to you by 4pm.
    +followup :: I'll keep you posted.
    +followup :: I'm going to escalate this to my supervisor.
    +followup :: Let me speak to my manager and come back to you.
    +followup :: I'll brainstorm with my colleagues and get back to you tomorrow.
    +followup :: I'll send you a recap in writing after this call.
    +followup :: I've raised a ticket; your reference number is 5521.
    -followup :: Can I speak to your manager?
    # "We" language
    +we :: What can we do to move past this?
    +we :: Let's work on this together.
    +we :: We'll get this sorted.
    -we !cannot :: We can't do that.
    -we :: We won't be able to help.
    # Check
    +check C:strong :: Does that work for you?
    +check :: How does that sound?
    +check :: Is there anything else I can help with?
    +check :: Are you happy with that plan?
    +check :: How do you feel about that option?
    +check :: Would that help?
    +check :: Have I covered everything?
    +check :: Is that okay with you?
    +check :: Let me know if that works for you.
    +check :: What do you think?
    +option -check :: Shall I go ahead with the refund?
    +check :: Does that answer your question?
    +check :: Are we good to go?
    -check :: That works.
    -check :: It works now.
    # Anti-pattern: the cliché
    !cliche :: I know how you feel.
    !cliche :: I know exactly how you feel.
    !cliche :: I understand how you feel, really.
    !cliche :: I feel your pain.
    ~cliche :: I don't know how you feel, but I'd like to understand.
    ~cliche :: I know how frustrating this is.
    # Anti-pattern: can't and policy walls
    !cannot="that's not possible" :: Unfortunately, that's not possible.
    !cannot :: We can't refund opened items.
    !cannot :: I cannot change the delivery date.
    !cannot :: We're unable to process that.
    !cannot :: There's nothing I can do.
    !cannot :: That won't be possible.
    !cannot :: We don't offer next-day delivery.
    !cannot :: No way, that's out of the question.
    ~cannot :: I can't imagine how stressful that was.
    ~cannot :: I can't believe this happened to you.
    ~cannot :: I can't wait to get you back up and running.
    ~cannot :: I won't let this happen again.
    ~cannot :: You won't be charged for the visit.
    ~cannot :: What I can do is send it today.
    !policy :: It's company policy.
    !policy :: Our policy doesn't allow refunds after 30 days.
    !policy :: Rules are rules.
    !policy :: It's in the terms and conditions you agreed to.
    !policy :: The system won't let me do that.
    !policy :: That's out of my hands.
    !policy :: I'm not allowed to give refunds.
    !policy :: That's just how it is.
    ~policy :: Let me check whether your policy covers accidental damage.
    ~policy :: Your insurance policy number is on the letter.
    !ultimatum :: Take it or leave it.
    !ultimatum :: That's the best we can do.
    !ultimatum :: That's our final offer.
    # Anti-pattern: calm down and minimisers
    !calm-down :: Calm down, please.
    !calm-down :: There's no need to shout.
    !calm-down :: Please relax, it's fine.
    !calm-down :: You're overreacting.
    !calm-down :: Take a deep breath.
    ~calm-down :: You don't need to calm down, you're right to be angry.
    !minimise :: It's only a small delay.
    !minimise :: It's just a minor issue.
    !minimise :: All you have to do is restart it.
    !minimise :: It's not a big deal.
    !minimise :: At least it arrived in the end.
    !minimise :: These things happen.
    !minimise :: You simply need to log in again.
    ~minimise :: At least two of us will look at it today.
    ~minimise :: I simply want to get this right for you.
    ~minimise :: Don't worry about the return cost; we'll cover it.
    # Anti-pattern: blame and past
    !blame :: You should have checked the address.
    !blame :: You didn't read the instructions.
    !blame :: That's your fault, not ours.
    !blame :: You forgot to activate it.
    !blame :: If you had read the email, this wouldn't have happened.
    !blame :: You were supposed to return it within 14 days.
    !blame :: You obviously entered the wrong card.
    ~blame :: I'm not blaming you at all.
    ~blame :: It's not your fault.
    ~blame :: You did nothing wrong here.
    ~blame :: I'm not saying you're wrong.
    ~blame :: You shouldn't have had to chase us.
    ~blame :: You didn't deserve this.
    !past :: As I said, the refund takes 10 days.
    !past :: As I already told you, the part is out of stock.
    !past :: Per my last email, the invoice is correct.
    !past :: Like I said, we need the serial number.
    !past :: How many times do I have to explain this?
    !past :: Last time you called, we sorted it.
    ~past :: As we agreed, I'll call you Friday.
    # Anti-pattern: defensive
    !defensive :: It's not my fault the courier was late.
    !defensive :: That's not my department.
    !defensive :: I'm just doing my job.
    !defensive :: I don't make the rules.
    !defensive :: With all due respect, we did everything right.
    !defensive :: That's beyond our control.
    !defensive :: That's not what happened.
    ~defensive :: It's not your fault, and we'll fix it.
    # Anti-pattern: catastrophising
    !catastrophe :: This is a disaster.
    +validation ~catastrophe :: What a nightmare.
    !catastrophe :: That's a huge problem.
    !catastrophe :: The whole thing is a complete mess.
    ~catastrophe :: Terrible, just terrible.
    ~catastrophe :: Not a problem at all.
    ~catastrophe :: No problem, I'll sort it.
    ~catastrophe :: That's not a problem.
    ~catastrophe :: It's never a problem to ask.
    ~catastrophe :: It must feel like a nightmare for you.
    # Anti-pattern: I/you heavy
    !i-you :: I told you that you need to send me your details so I can check your account.
    !i-you :: You said you wanted me to call you but I called you and you didn't answer me.
    ~i-you :: We can look at this together and we'll find a way.
    ~i-you :: I'm sorry. Let's fix this.
    # Anti-pattern: shouting
    !shouting :: I SAID WE WILL FIX IT.
    ~shouting :: Please stop calling!!
    !shouting :: Please STOP CALLING!!
    !shouting :: THIS IS NOT OUR FAULT
    ~shouting :: Why won't you listen?!!
    ~shouting +apology :: Oh no, I'm so sorry!!
    ~shouting :: The SLA says four hours.
    ~shouting :: Your order ID is ABC123.
    ~shouting :: I will call you at 9 AM.
    ~shouting :: Great!
    ~shouting :: I'm sorry, I will fix it today.
    # Anti-pattern: length
    !curt :: No.
    !curt :: Fine.
    !curt :: Whatever.
    !curt :: Read the email.
    ~curt :: Sorry.
    ~curt :: What happened?
    ~curt :: I'm so sorry.
    ~curt :: Does that work?
    ~rambling :: I'm sorry about the delay. I'll send a courier today. Does that work?
    !rambling :: I just wanted to say that we have been looking into this for quite some time now and the team has been working really hard on it and there have been a number of different things that we have tried over the past few weeks including changing the supplier and moving the warehouse and also updating the software which took a while because of the holidays and some staff changes and so on and so forth.
    # Keyword stuffing never raises a score
    !stuffing E:weak :: sorry sorry frustrated makes sense anyone would understandable
    !stuffing :: Sorry apologies frustrated upset understandable anyone would.
    ~stuffing E:strong :: I'm so sorry, that sounds really frustrating.
    E:strong ~stuffing :: Sorry, sorry, so sorry. That's really frustrating for you.
    # Negation reaches three words and stops at the clause
    +feeling :: I'm not surprised you're upset.
    -feeling :: You don't seem upset.
    !blame :: I'm not sure, but you should have called.
    +apology :: Not only am I sorry, I'll fix it.
    +validation :: No wonder you're annoyed.
    +option :: There's no doubt we can offer a refund.
    -option :: There is no refund available for this.
    !cannot :: Sadly we can not help with that.
    # Whole replies of every kind
    E:strong U:strong O:none :: I'm so sorry, that sounds incredibly stressful. Can you tell me more about what happened on Saturday?
    E:weak O:strong C:strong :: I'm sorry about this. I'll send a replacement today and call you by 5pm to confirm. Does that work for you?
    E:none O:none !cannot !policy :: Unfortunately we can't do anything, it's company policy.
    E:none !calm-down !minimise :: Calm down, it's only a small delay.
    +apology +next-step +timeframe +check :: Sorry for the wait. I've booked the engineer for Thursday at 10am. Is that okay?
    +feeling +question.open :: That sounds really frustrating. What happened when you called before?
    +summary +feeling -check Q :: So you're frustrated because the bill went up without warning, is that right?
    +option +we -check :: We could try a different router, or send an engineer. Which would suit you?
    +apology +followup +timeframe :: My apologies. I'll escalate this to my team lead and call you back within the hour.
    +validation +apology :: You're right to be upset, and I'm sorry.
    -apology !contrast !past :: As I said before, I'm sorry, but the part is out of stock.
    +feeling +summary +question.closed :: It sounds like you're worried about the deadline. What date do you need it by?
    +option +timeframe :: I can refund you today or send a new one by Friday. What would you prefer?
    +apology +next-step :: Sorry about that, I'm looking into it now.
    +validation +question.open :: That makes sense. What would a good outcome look like for you?
    +we +option :: Let's see what we can do. One option is a partial refund.
    +apology +option +we :: I'm really sorry. Here's what we can do: a free repair or a replacement.
    +feeling +apology +question.open :: I'm so sorry you were left in the dark. How did you find out?
    !blame !past :: Like I told you, you should have read the terms.
    !defensive !shouting :: IT'S NOT MY FAULT!!
    !cliche !cannot :: I know how you feel, but there's nothing we can do.
    +check +question.closed :: Is there anything else on your mind?
    +followup +timeframe :: I'll keep you updated every two hours until it's fixed.
    +next-step +we :: We're going to sort this out together, starting right now.
    +apology +validation +summary :: I'm sorry. You've been waiting for three weeks and that's not okay.
    E:strong :: I’m really sorry — that’s not the experience you deserve.
    +feeling="frustrating" :: THAT sounds frustrating.
    +apology :: i am sorry about the delay
    +apology :: im sorry bout that
    +apology :: Sorry!
    +check :: does that work for u
    +option :: I can offer a café voucher for the trouble.
    +option +timeframe :: We can send a courier the same day.
    +feeling :: That's super annoying, I get it.
    +next-step :: I'm on it.
    +followup :: I'll text you when it ships.
    +timeframe :: You'll hear from us by 5pm.
    +question.open :: What would you like to happen next?
    +question.closed :: Did you want a refund?
    +apology +question.open :: Sorry to hear that. What's been going on?
    E:strong :: I'm so sorry, I can only imagine how stressful this has been.
    +validation :: I can only imagine how stressful this has been.
    +we +option :: Together we can find a better plan for you.
    +apology :: Really sorry about the mix-up with your invoice.
    +feeling :: It's stressful not knowing when the part will come.
    +feeling -apology :: I hope you're not too stressed by all this.
    +next-step +timeframe :: I'll process the refund immediately.
    +option :: Would you like me to send a replacement?
    +option -check :: Would you like me to go ahead?
    +question.closed :: Can I put you on hold for a moment?
    +question.open :: How can I help you today?
    +question.open :: What can we do to put this right?
    +apology +validation :: I'm sorry, you shouldn't have had to wait this long.
    ~blame +validation :: You shouldn't have to chase us for this.
    !blame :: You never read our emails.
    +option :: A refund is possible.
    !cannot :: A refund is impossible.
    -option !cannot :: A refund isn't possible.
    +feeling +validation :: Your frustration is completely understandable.
    !minimise !blame :: It's just a password reset, you should know how to do that.
    ~catastrophe !reframe ~cannot :: The problem is that the part is delayed.
    +summary :: You told me the screen flickers at night.
    +feeling :: It must be very upsetting to lose the photos.
    +apology :: We're sorry for the inconvenience.
    +apology :: I apologize for the confusion.
    +apology :: Our apologies.
    +apology +feeling :: I'm sorry you've had such a worrying week.
    noQ +next-step :: I'll look into why it failed.
    noQ :: We know what went wrong.
    noQ :: Whatever you decide is fine by us.
    Q :: Whatever happened to the second parcel?
    noQ :: Whoever took the call should have noted it.
    open :: Can you describe the noise it makes?
    Q :: How come it took so long?
    Q :: Any idea when it stopped working?
    Q :: Anything else?
    noQ :: Thank you.
    # Misreadings reported by scenario authors, each beside near misses that must still be read
    # Catastrophe: words about the customer's experience are empathy, not the rep's dramatising
    ~catastrophe :: That must have been awful.
    ~catastrophe :: I'm so sorry, that's a horrible way to find out.
    ~catastrophe :: That sounds like an awful week.
    ~catastrophe :: Waiting without news must be awful.
    ~catastrophe :: You've been treated like a problem, and that's wrong.
    ~catastrophe Q :: Has this caused you any problems?
    ~catastrophe :: You must feel awful about it.
    ~catastrophe :: How horrible for you.
    ~catastrophe :: I'm sorry you've had such a terrible time with us.
    ~catastrophe :: If there are any problems with the new card, call me.
    !catastrophe :: This is a disaster.
    !catastrophe :: Everything has gone wrong, it's a nightmare.
    !catastrophe :: The warehouse is a complete mess.
    !catastrophe :: Things are terrible at the depot right now.
    !catastrophe :: We have a big problem with the delivery.
    ~catastrophe :: That's an awful mistake by the courier.
    # I/you-heavy is divisive framing, not empathy or ownership in the first person
    ~i-you +apology :: I'm really sorry. That number was mine and I should have called you when I knew.
    ~i-you +validation :: You shouldn't have had to hear it from your drivers, and I can see the pressure you're under.
    ~i-you :: I'm sorry I let you down, and I understand why you're upset with me.
    !i-you :: I told you that you need to send me your details so I can check it.
    !i-you !blame :: You said you would send it, I waited, and you didn't send it to me.
    # Ownership and appreciation in their ordinary forms
    +ownership :: It's on me, and I'll put it right.
    +ownership :: This one's on me.
    +validation :: I really appreciate your patience.
    +validation :: We do appreciate you bearing with us.
    +validation :: Thanks for bearing with me.
    -apology :: You can count on me to sort it.
    -ownership :: You can count on me to sort it.
    -ownership !defensive :: It's not our fault.
    -validation :: I don't appreciate being spoken to like that.
    # Blame: ownership, purpose and negated blame are not blame
    ~blame :: You should have heard it from us.
    ~blame :: You should have been told about the fee before you paid.
    ~blame :: You should have received an email from us on Monday.
    ~blame :: I'll be your named contact, so you always have someone who knows you.
    ~blame :: We'll set a reminder so you never have to chase us again.
    ~blame :: I'm not saying it was your fault.
    ~blame :: I don't think you got it wrong at all.
    !blame :: You should have read the terms.
    !blame :: You should have been more careful with the box.
    !blame :: You always leave it to the last minute.
    !blame :: You never read the emails we send.
    !blame :: It was your fault.
    !blame !past :: Like I told you, you should have read the terms.
    # Policy: the price a customer signed up for is not a policy wall
    ~policy :: We'll keep you at the price you signed for the whole year.
    ~policy :: You stay on the plan you signed up for.
    !policy :: You signed the contract, so you have to pay.
    !policy :: The contract says thirty days.
    # Stuffing is a string of cue words, not natural sentences
    ~stuffing C:strong :: How does that sound? Is there anything else worrying you?
    ~stuffing E:strong :: I'm sorry, of course you shouldn't have had to prove anything. That must be worrying.
    !stuffing :: sorry frustrated upset understandable
    !stuffing :: Sorry. Frustrating. Understandable. Anyone would.
    # Offers in the first person and in a colleague's name; times on a day
    +option :: I'd like to be your named contact from now on.
    +option -check :: Would you like me to be your named contact?
    +option +timeframe :: Our senior engineer can be there from half one on Thursday.
    +timeframe :: The engineer will come on Thursday.
    +timeframe :: We can have it with you on Monday morning.
    -timeframe :: It was delivered on Monday.
    -timeframe :: You called us on Thursday and nobody answered.
    -option :: The engineer was there for an hour.
    # Negation reaches the end of its clause
    -option !cannot :: I'm not able to offer a refund.
    -option !cannot :: We can't offer a refund.
    -option :: I'm not in a position to offer you a refund on this.
    +option :: I can't change the date, but I can offer a refund.
    +option :: You won't be charged for the replacement.
    +option :: There's no charge for the replacement.
    +next-step +timeframe :: I won't keep you waiting and I'll call you back tomorrow.
    +feeling :: I'm not surprised you're upset.
    -feeling :: I don't think you seem upset about it.
    # "I'm afraid" softens bad news; it names no feeling
    -feeling :: I'm afraid it's outside policy.
    -feeling :: I'm afraid the part won't arrive until Monday.
    -feeling :: Afraid not, the depot is closed.
    +feeling :: You must have been afraid when the alarm went off.
    +feeling :: It's natural to feel afraid after a break-in.
    # "It happens" dismisses only as a shrug, not as a time or a fact
    ~minimise :: I'll stay on the line while it happens.
    ~minimise :: Call me when it happens and I'll take it from there.
    ~minimise :: So the payment failed, and it happened after you updated your card.
    ~minimise :: If it happens again, I'll send an engineer.
    !minimise :: It happens.
    !minimise :: Well, these things happen.
    !minimise :: It happens to all of us, don't worry about it.
    # A check about a proposal is not validation
    -validation +check :: How does that sound?
    -validation +check :: Does that sound OK?
    -validation +check :: Would that sound fair to you?
    +validation :: That sounds exhausting.
    +validation :: That sounds like a lot to deal with.
    # Stemming keeps a manager apart from having managed
    +followup :: Let me get my manager on the line.
    +followup :: I'll ask management to look at it.
    -followup :: I managed to find your order.
    # An anti-pattern in a sentence vetoes an echo of the customer's words
    -summary !blame :: You should have refused the delivery if the box was damaged. :: The box was damaged when the delivery came!
    +summary ~blame :: So you found the box damaged when the delivery came. :: The box was damaged when the delivery came!
    +summary :: You got the delivery and the box was damaged. :: The box was damaged when the delivery came!
    # A hostile rhetorical question is no check and no question
    -check noQ !defensive :: What do you want me to do about it?
    -check noQ :: What am I supposed to do about that?
    -check :: What more do you want from me?
    !past :: How many times do I have to explain this?
    +option -check :: Do you want me to book the engineer?
    +check +question.open :: What do you think?
    open :: What do you want to happen next?
    open :: What would you like me to do next?
    # A question after an opening clause
    +apology open :: I'm sorry, what happened?
    +apology open :: Sorry, what happened?
    open :: Thanks for waiting, how can I help?
    closed :: Okay, so when did it arrive?
    open :: Right, tell me what you saw.
    noQ :: I know, what I can do is call the depot.
    """#
}
