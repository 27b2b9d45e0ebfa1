declare module 'style-chicago';
