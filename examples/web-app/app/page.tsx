'use client';

import { useChat } from '@ai-sdk/react';
import { useState } from 'react';

export default function AssistantPage() {
  const [input, setInput] = useState('');
  const { messages, sendMessage, status } = useChat();

  return (
    <main className="assistant">
      <h1>Ask your notes</h1>
      <p className="hint">The assistant only sees the notes you paste or share in this conversation.</p>
      {messages.map((m) => (
        <div key={m.id} className={m.role}>
          {m.parts.map((part, i) => (part.type === 'text' ? <p key={i}>{part.text}</p> : null))}
        </div>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          sendMessage({ text: input });
          setInput('');
        }}
      >
        <input value={input} onChange={(e) => setInput(e.target.value)} placeholder="What did we decide about the Q3 launch?" />
        <button type="submit" disabled={status !== 'ready'}>
          Ask
        </button>
      </form>
    </main>
  );
}
