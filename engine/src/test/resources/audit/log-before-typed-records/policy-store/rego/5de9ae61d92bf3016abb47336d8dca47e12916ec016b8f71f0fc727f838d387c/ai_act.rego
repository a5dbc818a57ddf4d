# EU AI Act pack: prohibited practices, high-risk use cases, transparency.
# Rule for rule the same as policies/eu-ai-act/ai-act.drl.
package tollgate.ai_act

# Each rule's id, legal basis and message, as the Drools rule's name, @basis and @message; a reason is
# built only when its rule fires.
prohibited_use_case_rule := {
	"rule": "ai-act.art5.prohibited-use-case",
	"basis": "EU AI Act Art. 5(1)",
	"message": "The application's registered use case is an AI practice prohibited by the EU AI Act (Art. 5)",
}

prohibited_task_rule := {
	"rule": "ai-act.art5.prohibited-task",
	"basis": "EU AI Act Art. 5(1)",
	"message": "The requested task is an AI practice prohibited by the EU AI Act (Art. 5)",
}

# The text itself asks for a prohibited practice (one rule per point of Art. 5(1)).
content_1a_rule := {
	"rule": "ai-act.art5-1a.manipulation",
	"basis": "EU AI Act Art. 5(1)(a)",
	"message": "The request asks for subliminal, manipulative or deceptive techniques that distort behaviour: prohibited by the EU AI Act (Art. 5(1)(a))",
}

content_1b_rule := {
	"rule": "ai-act.art5-1b.exploiting-vulnerabilities",
	"basis": "EU AI Act Art. 5(1)(b)",
	"message": "The request asks to exploit the vulnerabilities of people due to age, disability or their social or economic situation: prohibited by the EU AI Act (Art. 5(1)(b))",
}

content_1c_rule := {
	"rule": "ai-act.art5-1c.social-scoring",
	"basis": "EU AI Act Art. 5(1)(c)",
	"message": "The request asks for social scoring of people by their behaviour or personal traits: prohibited by the EU AI Act (Art. 5(1)(c))",
}

content_1d_rule := {
	"rule": "ai-act.art5-1d.crime-prediction-by-profiling",
	"basis": "EU AI Act Art. 5(1)(d)",
	"message": "The request asks to predict that a person will commit a crime from profiling or personality traits: prohibited by the EU AI Act (Art. 5(1)(d))",
}

content_1e_rule := {
	"rule": "ai-act.art5-1e.untargeted-facial-scraping",
	"basis": "EU AI Act Art. 5(1)(e)",
	"message": "The request asks to build a facial recognition database by untargeted scraping of facial images: prohibited by the EU AI Act (Art. 5(1)(e))",
}

content_1f_rule := {
	"rule": "ai-act.art5-1f.emotion-recognition-work-education",
	"basis": "EU AI Act Art. 5(1)(f)",
	"message": "The request asks to infer the emotions of people at work or in education: prohibited by the EU AI Act (Art. 5(1)(f))",
}

content_1g_rule := {
	"rule": "ai-act.art5-1g.biometric-categorisation",
	"basis": "EU AI Act Art. 5(1)(g)",
	"message": "The request asks to deduce race, political opinions, union membership, beliefs or sexual orientation from biometric data: prohibited by the EU AI Act (Art. 5(1)(g))",
}

content_1h_rule := {
	"rule": "ai-act.art5-1h.realtime-remote-biometric-identification",
	"basis": "EU AI Act Art. 5(1)(h)",
	"message": "The request asks for real-time remote biometric identification in public spaces for law enforcement: prohibited by the EU AI Act (Art. 5(1)(h))",
}

human_oversight_rule := {
	"rule": "ai-act.annex3.human-oversight",
	"basis": "EU AI Act Art. 14",
	"message": "High-risk AI use case (EU AI Act Annex III): a person must review the output before it is used",
}

record_keeping_rule := {
	"rule": "ai-act.annex3.record-keeping",
	"basis": "EU AI Act Art. 12",
	"message": "High-risk AI use case (EU AI Act Annex III): the interaction is recorded for traceability",
}

approved_destinations_rule := {
	"rule": "ai-act.annex3.approved-destinations",
	"basis": "EU AI Act Art. 16, Art. 26(1)",
	"message": "High-risk AI use case: only models approved for this high-risk use may be used",
}

disclosure_rule := {
	"rule": "ai-act.art50.disclosure",
	"basis": "EU AI Act Art. 50(1)",
	"message": "The person is told that they are interacting with an AI system",
}

# Every rule of the pack by id, read by Tollgate when it loads the pack and by the tests.
rules := {r.rule: {"basis": r.basis, "message": r.message} |
	some r in [
		prohibited_use_case_rule, prohibited_task_rule,
		content_1a_rule, content_1b_rule, content_1c_rule, content_1d_rule,
		content_1e_rule, content_1f_rule, content_1g_rule, content_1h_rule,
		human_oversight_rule,
		record_keeping_rule, approved_destinations_rule, disclosure_rule,
	]
}

prohibited_use_case if input.request.ai_act_use_case in data.tollgate.reference.prohibited_practices

prohibited_task if input.request.task_type in data.tollgate.reference.prohibited_practices

# Practice name (as reference.json lists it) -> the rule of its point.
content_rules["subliminal_manipulation"] := content_1a_rule
content_rules["exploitation_of_vulnerabilities"] := content_1b_rule
content_rules["social_scoring"] := content_1c_rule
content_rules["predictive_policing_profiling"] := content_1d_rule
content_rules["untargeted_facial_scraping"] := content_1e_rule
content_rules["emotion_recognition_workplace"] := content_1f_rule
content_rules["emotion_recognition_education"] := content_1f_rule
content_rules["biometric_categorisation_sensitive"] := content_1g_rule
content_rules["realtime_remote_biometric_identification"] := content_1h_rule

# Facts logged before content was classified have no content: nothing was recognised.
content_practices := object.get(input, ["content", "prohibited_practices"], [])

content_fired contains content_rules[practice] if some practice in content_practices

high_risk if input.request.ai_act_use_case in data.tollgate.reference.annex_iii_high_risk

unapproved contains destination.id if {
	high_risk
	some destination in input.destinations
	not destination.high_risk_approved
}

fired contains prohibited_use_case_rule if prohibited_use_case

fired contains prohibited_task_rule if prohibited_task

fired contains rule if some rule in content_fired

fired contains human_oversight_rule if high_risk

fired contains record_keeping_rule if high_risk

fired contains approved_destinations_rule if count(unapproved) > 0

fired contains disclosure_rule if discloses

discloses if {
	not prohibited_use_case
	not prohibited_task
	count(content_practices) == 0
}

default deny := false

deny if prohibited_use_case

deny if prohibited_task

deny if count(content_fired) > 0

# Obligations sorted by type, as the Drools collector gives them.
obligations := [{"type": type, "entities": [], "applies_to": null} |
	some type in ["disclose_ai_interaction", "human_oversight", "record_keeping"]
	obliged(type)
]

obliged("disclose_ai_interaction") if discloses

obliged("human_oversight") if high_risk

obliged("record_keeping") if high_risk

verdict := {
	"deny": deny,
	"forbidden": sort(unapproved),
	"obligations": obligations,
	"route": null,
	"reasons": [reason | some reason in fired],
}
