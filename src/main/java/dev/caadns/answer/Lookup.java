package dev.caadns.answer;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * Asks the served data one question in-process and returns the reply a client would get over UDP
 * with a large EDNS buffer. Tools (check, explain, the management API) use it; the server does not.
 */
public interface Lookup {
    Message ask(Name qname, int qtype);
}
