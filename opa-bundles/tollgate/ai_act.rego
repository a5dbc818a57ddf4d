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
		prohibited_use_case_rule, prohibited_task_rule, human_oversight_rule,
		record_keeping_rule, approved_destinations_rule, disclosure_rule,
	]
}

prohibited_use_case if input.request.ai_act_use_case in data.tollgate.reference.prohibited_practices

prohibited_task if input.request.task_type in data.tollgate.reference.prohibited_practices

high_risk if input.request.ai_act_use_case in data.tollgate.reference.annex_iii_high_risk

unapproved contains destination.id if {
	high_risk
	some destination in input.destinations
	not destination.high_risk_approved
}

fired contains prohibited_use_case_rule if prohibited_use_case

fired contains prohibited_task_rule if prohibited_task

fired contains human_oversight_rule if high_risk

fired contains record_keeping_rule if high_risk

fired contains approved_destinations_rule if count(unapproved) > 0

fired contains disclosure_rule if discloses

discloses if {
	not prohibited_use_case
	not prohibited_task
}

default deny := false

deny if prohibited_use_case

deny if prohibited_task

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
