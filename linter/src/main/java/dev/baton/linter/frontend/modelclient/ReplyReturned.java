package dev.baton.linter.frontend.modelclient;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * A method that returns a model's answer ({@code String complete(String prompt)} around an SDK or HTTP
 * call): its callers, in any class, receive that answer, and what they do with it is judged like a
 * decision on the call itself.
 *
 * @param owner    the simple name of the declaring class
 * @param method   the method's name
 * @param arity    its number of parameters
 * @param agent    the agent id of the method ({@code model:<class>#<method>})
 * @param javaType the answer's type as written ({@code "String"}, or the bound class)
 */
public record ReplyReturned(Location location, String owner, String method, int arity, String agent, String javaType)
        implements Fact {
}
