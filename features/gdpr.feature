Feature: GDPR pack
  Personal data may leave the device only to a processor that is bound by a data processing agreement
  and does not train on our data, and only masked. Special categories of data (GDPR Art. 9) never leave
  the device.

  Scenario: A patient's diagnosis stays on the device
    Given a request from the claims assistant containing a diagnosis of a patient in Germany
    When the application asks for a decision
    Then the request is allowed
    And it is routed to the on-device model
    And a reason cites "GDPR Art. 9"

  Scenario: A diagnosis without a name is still health data
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in France
    And the text says "Analyse whether the treatment of the chronic asthma described in the attached report is covered."
    When the application asks for a decision
    Then the request is allowed
    And it is routed to the on-device model
    And the rule "gdpr.art9.local-only" is among the reasons

  Scenario: A customer's name may go to the EU cloud, masked
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "My name is Jonas Weber. Please explain step by step how the deductible of my household policy is calculated."
    When the application asks for a decision
    Then the request is allowed
    And it is routed to "cloud-eu"
    And the obligations include masking "PERSON"
    And the rule "gdpr.art28.mask-for-cloud" is among the reasons

  Scenario: A customer's name stays on the device, and is masked if the summary goes on to the cloud
    Given a request from the claims assistant
    And the task is "summarize"
    And the data subject is in Germany
    And the text says "My name is Jonas Weber. Please summarise my claim for the storm damage to the garage roof."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the cloud model takes over when the on-device model's confidence is below 0.55
    And "PERSON" is masked before the request goes on to the cloud model
    And the on-device model may see "PERSON" unmasked
    And the rule "gdpr.art28.mask-for-cloud" is among the reasons

  Scenario: A client's hint can only make the decision stricter
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the client declares the category "health"
    And the text says "Explain step by step how the deductible of a household policy is calculated."
    When the application asks for a decision
    Then it is routed to the on-device model
    And a reason cites "GDPR Art. 9"

  Scenario: Bank details are masked on any route
    Given a request from the claims assistant containing a French customer's name, IBAN and phone number
    When the application asks for a decision
    Then the request is allowed
    And the obligations include masking "IBAN_CODE"
    And a reason cites "GDPR Art. 5(1)(c)"
