package com.mediahub.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The network a client address is counted under by the throttles: the address itself for IPv4,
 * its /64 for IPv6. One customer usually holds a whole /64 and can rotate addresses inside it at
 * will, so counting per address would let one client multiply its allowance by 2^64.
 */
public final class ClientNetwork {

    private ClientNetwork() {
    }

    /** The key for {@code address}, a literal (no name lookup is ever made). */
    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }
}
