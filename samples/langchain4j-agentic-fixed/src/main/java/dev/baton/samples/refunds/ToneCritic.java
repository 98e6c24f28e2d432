package dev.baton.samples.refunds;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

public interface ToneCritic {

    @UserMessage("Rate the tone of this customer reply from 0 to 10 and say what to improve. {{reply}}")
    @Agent(description = "Scores the reply's tone", outputKey = "toneScore")
    ToneScore rate(@V("reply") String reply);
}
