package dev.baton.runtime.boundary;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The node factory of a boundary's tree: the same {@link ObjectNode}s and {@link ArrayNode}s as Jackson's
 * default, built on smaller collections. The default backs every object with a {@link LinkedHashMap}
 * (56 bytes, a 16-slot table on the first member, 40 bytes per member) and every array with an
 * {@link ArrayList} of ten slots, so a payload of many small objects or of deep nesting allocated 30 to 50
 * times its size. Here an empty object costs its node and a 24-byte map, a one-member object holds its
 * entry directly, objects of up to {@value Members#SMALL} members keep their entries (24 bytes each) in
 * an array, and an array's list grows from zero slots. Larger objects switch to a {@link LinkedHashMap},
 * so lookups stay constant-time and duplicate detection linear. The nodes stay ordinary and mutable: equal
 * to, and serialised like, the nodes of the default factory.
 */
final class CompactNodes extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    static final CompactNodes FACTORY = new CompactNodes();

    private CompactNodes() {
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new Members());
    }

    @Override
    public ArrayNode arrayNode() {
        return new ArrayNode(this, new ArrayList<>(0));
    }

    @Override
    public ArrayNode arrayNode(int capacity) {
        return new ArrayNode(this, new ArrayList<>(capacity));
    }

    private Object readResolve() {
        return FACTORY;
    }

    /**
     * An insertion-ordered map of an object's members: an entry array while small, a hash map beyond.
     * It implements {@link Map} itself rather than extending {@code AbstractMap}, whose two cached view fields
     * would make every empty object 16 bytes larger.
     */
    static final class Members implements Map<String, JsonNode> {
        static final int SMALL = 8;

        /**
         * Null when empty, the {@code Member} itself when it is the only one, a {@code Member[]} while small,
         * then a {@code LinkedHashMap}: one field for every form.
         */
        private Object store;
        private int size;
        private int modifications;

        @SuppressWarnings("unchecked")
        private LinkedHashMap<String, JsonNode> large() {
            return store instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, JsonNode>) map : null;
        }

        private Member memberAt(int index) {
            return store instanceof Member only ? only : ((Member[]) store)[index];
        }

        @Override
        public int size() {
            LinkedHashMap<String, JsonNode> large = large();
            return large != null ? large.size() : size;
        }

        @Override
        public boolean isEmpty() {
            return size() == 0;
        }

        @Override
        public boolean containsKey(Object key) {
            LinkedHashMap<String, JsonNode> large = large();
            return large != null ? large.containsKey(key) : indexOf(key) >= 0;
        }

        @Override
        public boolean containsValue(Object value) {
            LinkedHashMap<String, JsonNode> large = large();
            if (large != null) {
                return large.containsValue(value);
            }
            for (int i = 0; i < size; i++) {
                if (Objects.equals(memberAt(i).value, value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public JsonNode get(Object key) {
            LinkedHashMap<String, JsonNode> large = large();
            if (large != null) {
                return large.get(key);
            }
            int at = indexOf(key);
            return at < 0 ? null : memberAt(at).value;
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            LinkedHashMap<String, JsonNode> large = large();
            if (large != null) {
                return large.put(key, value);
            }
            int at = indexOf(key);
            if (at >= 0) {
                Member member = memberAt(at);
                JsonNode old = member.value;
                member.value = value;
                return old;
            }
            Objects.requireNonNull(key, "key");
            modifications++;
            if (size == SMALL) {
                large = new LinkedHashMap<>(SMALL * 4);
                for (int i = 0; i < size; i++) {
                    large.put(memberAt(i).key, memberAt(i).value);
                }
                store = large;
                size = 0;
                return large.put(key, value);
            }
            Member member = new Member(key, value);
            if (store == null) {
                store = member;
            } else if (store instanceof Member only) {
                store = new Member[] {only, member, null, null};
            } else {
                Member[] members = (Member[]) store;
                if (size == members.length) {
                    store = members = Arrays.copyOf(members, SMALL);
                }
                members[size] = member;
            }
            size++;
            return null;
        }

        @Override
        public void putAll(Map<? extends String, ? extends JsonNode> members) {
            for (Entry<? extends String, ? extends JsonNode> member : members.entrySet()) {
                put(member.getKey(), member.getValue());
            }
        }

        @Override
        public JsonNode remove(Object key) {
            LinkedHashMap<String, JsonNode> large = large();
            if (large != null) {
                return large.remove(key);
            }
            int at = indexOf(key);
            if (at < 0) {
                return null;
            }
            JsonNode old = memberAt(at).value;
            removeAt(at);
            return old;
        }

        @Override
        public void clear() {
            store = null;
            size = 0;
            modifications++;
        }

        @Override
        public Set<String> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    return view(entrySet().iterator(), Entry::getKey);
                }

                @Override
                public int size() {
                    return Members.this.size();
                }

                @Override
                public boolean contains(Object key) {
                    return containsKey(key);
                }
            };
        }

        @Override
        public Collection<JsonNode> values() {
            return new AbstractCollection<>() {
                @Override
                public Iterator<JsonNode> iterator() {
                    return view(entrySet().iterator(), Entry::getValue);
                }

                @Override
                public int size() {
                    return Members.this.size();
                }
            };
        }

        /** A key or value iterator over the entries, removing through them. */
        private static <T> Iterator<T> view(Iterator<Entry<String, JsonNode>> entries,
                                            java.util.function.Function<Entry<String, JsonNode>, T> part) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public T next() {
                    return part.apply(entries.next());
                }

                @Override
                public void remove() {
                    entries.remove();
                }
            };
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            LinkedHashMap<String, JsonNode> large = large();
            if (large != null) {
                return large.entrySet();
            }
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, JsonNode>> iterator() {
                    return new Cursor();
                }

                @Override
                public int size() {
                    return Members.this.size();
                }
            };
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            if (!(other instanceof Map<?, ?> map) || map.size() != size()) {
                return false;
            }
            for (Entry<String, JsonNode> member : entrySet()) {
                Object theirs = map.get(member.getKey());
                if (theirs == null ? member.getValue() != null || !map.containsKey(member.getKey())
                        : !theirs.equals(member.getValue())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 0;
            for (Entry<String, JsonNode> member : entrySet()) {
                hash += member.hashCode();
            }
            return hash;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("{");
            for (Entry<String, JsonNode> member : entrySet()) {
                text.append(text.length() == 1 ? "" : ", ").append(member);
            }
            return text.append('}').toString();
        }

        private void removeAt(int at) {
            if (store instanceof Member) {
                store = null;
            } else {
                Member[] members = (Member[]) store;
                System.arraycopy(members, at + 1, members, at, size - at - 1);
                members[size - 1] = null;
            }
            size--;
            modifications++;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < size; i++) {
                if (memberAt(i).key == key) { // names from the parser are canonical: usually the same instance
                    return i;
                }
            }
            if (key != null) {
                for (int i = 0; i < size; i++) {
                    if (memberAt(i).key.equals(key)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** Iterates the small form; a switch to the large form during iteration is a modification. */
        private final class Cursor implements Iterator<Entry<String, JsonNode>> {
            private int next;
            private int last = -1;
            private int expected = modifications;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Entry<String, JsonNode> next() {
                if (expected != modifications) {
                    throw new ConcurrentModificationException();
                }
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                last = next++;
                return memberAt(last);
            }

            @Override
            public void remove() {
                if (last < 0) {
                    throw new IllegalStateException();
                }
                if (expected != modifications) {
                    throw new ConcurrentModificationException();
                }
                removeAt(last);
                next = last;
                last = -1;
                expected = modifications;
            }
        }
    }

    /** One member; the map's iteration hands these out, so iterating allocates nothing per member. */
    private static final class Member implements Map.Entry<String, JsonNode> {
        private final String key;
        private JsonNode value;

        Member(String key, JsonNode value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public JsonNode getValue() {
            return value;
        }

        @Override
        public JsonNode setValue(JsonNode newValue) {
            JsonNode old = value;
            value = newValue;
            return old;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Map.Entry<?, ?> entry && key.equals(entry.getKey())
                    && Objects.equals(value, entry.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ Objects.hashCode(value);
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }
}
